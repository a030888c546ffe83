using System.Text.Json;
using System.Text.Json.Serialization;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>The JSON of the fake's control API: camelCase, enums by name.</summary>
internal static class ControlJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}

/// <summary>A request to make the next <paramref name="Count"/> usage pushes fail with <paramref name="Fault"/>.</summary>
public sealed record UsageFaultRequest(UsageFault Fault, int Count);
