using System.Text.Json;

namespace Provisioning.SellerApplication;

/// <summary>
/// One signed POST that verified: its <c>webhook-id</c>, the event's type and data, and the stream it is ordered in, spelled as
/// the backend spells it (<c>instance:live/&lt;instanceId&gt;</c>, <c>tenant:test/&lt;tenantId&gt;</c>).
/// </summary>
public sealed record Delivery(string Id, string Type, string Stream, string? Timestamp, JsonElement Data)
{
    /// <summary>The data's <c>version</c>, when it carries a whole number.</summary>
    public long? Version => Data.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number && version.TryGetInt64(out var number) ? number : null;

    /// <summary>Reads a verified body; null when it is not an event naming an instance or a tenant.</summary>
    public static Delivery? Read(string id, string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var timestamp = root.TryGetProperty("timestamp", out var stamp) && stamp.ValueKind == JsonValueKind.String ? stamp.GetString() : null;
            return StreamOf(type.GetString()!, data) is { } stream ? new Delivery(id, type.GetString()!, stream, timestamp, data.Clone()) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The type names whose stream it is: a tenant event may name an instance too (the binding it synced).
    private static string? StreamOf(string type, JsonElement data)
    {
        var test = data.TryGetProperty("test", out var flag) && flag.ValueKind == JsonValueKind.True;
        var kind = type.StartsWith("tenant.", StringComparison.Ordinal) ? "tenant" : "instance";
        return data.TryGetProperty(kind + "Id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } value
            ? EventStreams.Of(kind, value, test)
            : null;
    }
}
