using System.Text.Json;

namespace Provisioning.KooGallery;

/// <summary>Top-level fields that V2 and Kit bodies read alike, read without ever throwing.</summary>
public static class JsonEnvelope
{
    /// <summary>A top-level string field as sent, or null when it is absent or not a JSON string.</summary>
    public static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>
    /// True for a debug call: <c>testFlag</c> is the string <c>"1"</c> or the number <c>1</c>. Anything else,
    /// or no testFlag at all, is a live call (spec Q10).
    /// </summary>
    public static bool IsTest(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("testFlag", out var flag)
        && flag.ValueKind switch
        {
            JsonValueKind.String => flag.ValueEquals("1"),
            JsonValueKind.Number => flag.TryGetInt32(out var n) && n == 1,
            _ => false,
        };
}
