using System.Text.Json;

namespace Provisioning.KooGallery.Kit;

/// <summary>The fields every Kit request body carries besides its interface's own.</summary>
public static class KitEnvelope
{
    private static readonly string[] EmbeddedLists = ["userList", "orgInfo", "orgInfoList"];

    /// <summary>True for a debug call: <c>testFlag</c> is the number <c>1</c> or the string <c>"1"</c>; anything else is live.</summary>
    public static bool IsTest(JsonElement root) => JsonEnvelope.IsTest(root);

    /// <summary>
    /// Why a list sent as JSON text inside a string (<c>userList</c>, <c>orgInfo</c>, <c>orgInfoList</c>) cannot be read one way
    /// only, naming the list; null when none is ambiguous. Lists that do not parse at all are left for their request to refuse.
    /// </summary>
    public static string? Ambiguity(JsonElement root)
    {
        foreach (var name in EmbeddedLists)
        {
            if (root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.String
                && !RelaxedJson.TryParseArray(list.GetString()!, out _, out var ambiguity) && ambiguity is not null)
            {
                return $"{name} {ambiguity}";
            }
        }

        return null;
    }
}
