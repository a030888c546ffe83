using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Provisioning.Marketplace.Callbacks;

/// <summary>Request bodies as the marketplace writes them: compact JSON, top-level keys in ordinal order, non-ASCII kept raw.</summary>
public static class SortedJson
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The UTF-8 bytes of an object holding these fields; values are serialized as they are (strings, numbers, objects, lists).</summary>
    public static byte[] Serialize(IEnumerable<(string Name, object? Value)> fields)
    {
        var json = new JsonObject();
        foreach (var (name, value) in fields.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            json[name] = JsonSerializer.SerializeToNode(value, Relaxed);
        }

        return Encoding.UTF8.GetBytes(json.ToJsonString(Relaxed));
    }

    /// <summary>A value serialized on its own, as a Kit V1 body carries a list inside a string field.</summary>
    public static string Text(object value) => JsonSerializer.Serialize(value, Relaxed);
}
