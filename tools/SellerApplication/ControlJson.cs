using System.Text.Json;
using System.Text.Json.Serialization;

namespace Provisioning.SellerApplication;

/// <summary>The JSON of the fake's control API and of the access info it answers: camelCase, enums by name.</summary>
internal static class ControlJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }
}

/// <summary>How many faults are still queued and how many were played, per endpoint.</summary>
public sealed record FaultCounts(int EventsPending, int EventsPlayed, int ProvisioningPending, int ProvisioningPlayed);
