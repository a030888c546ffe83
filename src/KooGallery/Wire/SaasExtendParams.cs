using System.Text;
using System.Text.Json;

namespace Provisioning.KooGallery;

/// <summary>
/// The <c>saasExtendParams</c> parameter of V1 newInstance: Base64 of a JSON array of
/// name/value pairs, possibly URL-encoded once more on top of the query string's own encoding (spec §1.1, Q17).
/// </summary>
public static class SaasExtendParams
{
    /// <summary>The query parameter name.</summary>
    public const string ParameterName = "saasExtendParams";

    /// <summary>
    /// Decodes the value as the web framework delivered it (URL-decoded once). Null or empty
    /// decodes to an empty list. Never throws; on failure <paramref name="error"/> says why.
    /// </summary>
    public static bool TryDecode(string? value, out IReadOnlyList<ExtendParam> parameters, out string? error)
    {
        parameters = [];
        error = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (!TryDecodeBase64(value, out var json))
        {
            error = "saasExtendParams is not Base64.";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return TryRead(document.RootElement, out parameters, out error);
        }
        catch (JsonException)
        {
            error = "saasExtendParams does not hold valid JSON.";
            return false;
        }
    }

    /// <summary>
    /// Encodes the parameters as Base64 of the compact JSON array. The result still has to be
    /// URL-encoded when it is put in a query string.
    /// </summary>
    public static string Encode(IEnumerable<ExtendParam> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var parameter in parameters)
            {
                writer.WriteStartObject();
                writer.WriteString("name", parameter.Name);
                writer.WriteString("value", parameter.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool TryDecodeBase64(string value, out byte[] bytes)
    {
        // Base64 has no '%': one still present means the marketplace encoded the value twice.
        if (value.Contains('%'))
        {
            value = Uri.UnescapeDataString(value);
        }

        // An unencoded '+' turns into a space when the query string is decoded.
        var text = new StringBuilder(value).Replace(' ', '+');
        while (text.Length % 4 != 0)
        {
            text.Append('=');
        }

        bytes = new byte[text.Length / 4 * 3];
        if (!Convert.TryFromBase64String(text.ToString(), bytes, out var written))
        {
            return false;
        }

        bytes = bytes[..written];
        return true;
    }

    private static bool TryRead(JsonElement root, out IReadOnlyList<ExtendParam> parameters, out string? error)
    {
        parameters = [];
        if (root.ValueKind != JsonValueKind.Array)
        {
            error = "saasExtendParams is not a JSON array.";
            return false;
        }

        var list = new List<ExtendParam>(root.GetArrayLength());
        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("name", out var name)
                || name.ValueKind != JsonValueKind.String)
            {
                error = $"saasExtendParams entry {list.Count} has no string \"name\".";
                return false;
            }

            list.Add(new ExtendParam(name.GetString()!, ReadValue(item)));
        }

        parameters = list;
        error = null;
        return true;
    }

    // Marketplace data is not always typed as documented: keep numbers, booleans and objects as their JSON text.
    private static string ReadValue(JsonElement item) =>
        !item.TryGetProperty("value", out var value) ? string.Empty : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Null => string.Empty,
            _ => value.GetRawText(),
        };
}
