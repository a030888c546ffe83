using System.Globalization;
using System.Text.Json;
using Provisioning.Grains.Usage;
using Provisioning.KooGallery;

namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// One reported event as sent; every field is checked here or by the instance's meter, and a bad one rejects only its event.
/// <c>eventId</c>, <c>instanceId</c>, <c>occurredAt</c> and <c>package</c> are strings, <c>quantity</c> a JSON number;
/// <c>occurredAt</c> is ISO 8601 with a UTC offset, e.g. <c>2026-11-28T10:15:00Z</c>. Field names ignore case.
/// </summary>
public sealed record ReportedEvent(string? EventId, string? InstanceId, UsageEvent? Event, string? Problem)
{
    private const int MaxInstanceIdLength = 64;

    /// <summary>How much of a number that cannot be read is quoted back.</summary>
    private const int MaxQuotedNumber = 40;

    /// <summary>The event for the instance's meter, or why it cannot be one (with its eventId when that could be read).</summary>
    public static ReportedEvent Read(JsonElement json)
    {
        if (json.ValueKind == JsonValueKind.Null) return Rejected(null, "the event is null");
        if (json.ValueKind != JsonValueKind.Object) return Rejected(null, "the event is not a JSON object");
        try
        {
            if (UsageReport.RepeatedKey(json) is { } key) return Rejected(null, $"the key '{key}' appears more than once");
            return Check(json);
        }
        catch (InvalidOperationException)
        {
            return Rejected(null, "the event holds a string that is not valid Unicode");
        }
    }

    private static ReportedEvent Check(JsonElement json)
    {
        var (eventId, eventIdProblem) = Text(json, "eventId");
        if (eventIdProblem is not null) return Rejected(null, eventIdProblem);
        if (string.IsNullOrWhiteSpace(eventId)) return Rejected(null, "eventId is missing");

        var (instanceId, instanceProblem) = Text(json, "instanceId");
        var (occurredAt, timeProblem) = Text(json, "occurredAt");
        var (package, packageProblem) = Text(json, "package");
        var (quantity, quantityProblem) = Quantity(json);
        var problem = instanceProblem
            ?? (string.IsNullOrWhiteSpace(instanceId) ? "instanceId is missing"
            : instanceId.Length > MaxInstanceIdLength ? $"instanceId is longer than {MaxInstanceIdLength} characters"
            : instanceId.Any(char.IsControl) ? "instanceId contains control characters"
            : null)
            ?? quantityProblem
            ?? timeProblem
            ?? (string.IsNullOrWhiteSpace(occurredAt) ? "occurredAt is missing" : null)
            ?? packageProblem;
        if (problem is not null) return Rejected(eventId, problem);

        if (!DateTimeOffset.TryParse(occurredAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) || !HasOffset(occurredAt!))
        {
            return Rejected(eventId, $"occurredAt '{occurredAt}' is not an ISO 8601 time with a UTC offset, e.g. 2026-11-28T10:15:00Z");
        }

        return new ReportedEvent(eventId, instanceId, new UsageEvent(eventId, quantity, time.ToUniversalTime(), string.IsNullOrEmpty(package) ? null : package), null);
    }

    private static ReportedEvent Rejected(string? eventId, string problem) => new(eventId, null, null, problem);

    /// <summary>A string field; missing or null reads as null.</summary>
    private static (string? Value, string? Problem) Text(JsonElement json, string name) =>
        Field(json, name) is not { } value || value.ValueKind == JsonValueKind.Null ? (null, null)
        : value.ValueKind == JsonValueKind.String ? (value.GetString(), null)
        : (null, $"{name} must be a string, not {Kind(value)}");

    private static (decimal Value, string? Problem) Quantity(JsonElement json)
    {
        if (Field(json, "quantity") is not { } value || value.ValueKind == JsonValueKind.Null) return (0, "quantity is missing");
        if (value.ValueKind != JsonValueKind.Number) return (0, $"quantity must be a JSON number, not {Kind(value)}");
        if (value.TryGetDecimal(out var quantity)) return (quantity, null);

        var text = value.GetRawText();
        return (0, $"quantity {QuotedText.Shorten(text, MaxQuotedNumber)} is out of range");
    }

    private static JsonElement? Field(JsonElement json, string name)
    {
        foreach (var property in json.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        }

        return null;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };

    private static bool HasOffset(string time) =>
        time.EndsWith('Z') || time.EndsWith('z') || (time.Length > 6 && time[^6] is '+' or '-' && time[^3] == ':');
}
