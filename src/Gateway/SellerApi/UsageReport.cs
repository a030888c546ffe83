using System.Text.Json;

namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// The body of <c>POST /api/usage</c>: <c>{"events": [...]}</c>, a batch of usage events from the seller's application. Only
/// a body that is not such an object is refused as a whole; each event is read on its own (<see cref="ReportedEvent"/>), so
/// a bad one rejects only itself. A key repeated at any level is refused, so no reader can take a value another ignored.
/// </summary>
public static class UsageReport
{
    /// <summary>The report's events, or why the body is not a report.</summary>
    public static bool TryRead(JsonElement root, out IReadOnlyList<JsonElement> events, out string? problem)
    {
        events = [];
        try
        {
            problem = root.ValueKind != JsonValueKind.Object ? "the body is not a JSON object"
                : RepeatedKey(root) is { } key ? $"the key '{key}' appears more than once"
                : null;
            if (problem is not null) return false;

            var list = root.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, "events", StringComparison.OrdinalIgnoreCase));
            problem = list.Value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? "it has no events"
                : list.Value.ValueKind != JsonValueKind.Array ? "events must be an array"
                : null;
            if (problem is not null) return false;

            events = [.. list.Value.EnumerateArray()];
            return true;
        }
        catch (InvalidOperationException)
        {
            problem = "a key is not valid Unicode";
            return false;
        }
    }

    /// <summary>The first key of <paramref name="json"/> that repeats an earlier one, ignoring case as the field names do.</summary>
    internal static string? RepeatedKey(JsonElement json)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in json.EnumerateObject())
        {
            if (!seen.Add(property.Name)) return property.Name;
        }

        return null;
    }
}

/// <summary>
/// The shape of a usage report, for the OpenAPI document only: the body is read field by field by <see cref="UsageReport"/>
/// and <see cref="ReportedEvent"/>, so a bad event is rejected on its own instead of failing the whole request.
/// </summary>
public sealed record UsageReportBody(IReadOnlyList<UsageEventBody> Events);

/// <summary>One usage event: <c>occurredAt</c> is ISO 8601 with a UTC offset; <c>package</c> names an on-demand package.</summary>
public sealed record UsageEventBody(string EventId, string InstanceId, decimal Quantity, DateTimeOffset OccurredAt, string? Package);
