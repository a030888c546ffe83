using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Provisioning.KooGallery.Kit;

/// <summary>
/// The V1 Kit request token (Kit spec §2.1, POST variant): Base64 of HMAC-SHA256 over the body's top-level properties
/// as sorted <c>name=value</c> pairs, keyed with the seller Key followed by the body's own <c>timeStamp</c>.
/// </summary>
public static class KitAuthToken
{
    /// <summary>The request header carrying the token.</summary>
    public const string HeaderName = "authToken";

    /// <summary>The body property whose value is appended to the Key to form the HMAC key.</summary>
    public const string TimeStampProperty = "timeStamp";

    /// <summary>
    /// The string to sign: every top-level property, ordinal order of names, <c>name=value</c> joined by <c>&amp;</c>.
    /// JSON strings count verbatim (a property holding JSON text as a string too), numbers as their raw text, booleans
    /// as <c>true</c>/<c>false</c>, objects and arrays as their raw JSON. Null properties are left out, and so are
    /// empty or blank strings unless <paramref name="keepBlankValues"/> (the variant Huawei's GET sample uses, Kit
    /// spec A-2). The body must come from a reader that refuses repeated names (<see cref="JsonObjectBody"/>): which of two values a
    /// signature covers must never be a question.
    /// </summary>
    public static string CanonicalString(JsonElement body, bool keepBlankValues = false)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (body.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in body.EnumerateObject())
            {
                if (ValueText(property.Value) is { } text && (keepBlankValues || !string.IsNullOrWhiteSpace(text)))
                {
                    sorted.TryAdd(property.Name, text);
                }
            }
        }

        return string.Join('&', sorted.Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>The token for this body, leaving blank values out.</summary>
    /// <exception cref="ArgumentException">The body carries no timeStamp.</exception>
    public static string Compute(JsonElement body, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (TimeStamp(body) is not { } timeStamp)
        {
            throw new ArgumentException($"The body carries no {TimeStampProperty}.", nameof(body));
        }

        return Sign(CanonicalString(body), key, timeStamp);
    }

    /// <summary>
    /// True when the header value matches the token of this body, with blank values left out or, failing that, kept
    /// (Kit spec A-2). Surrounding whitespace and one pair of surrounding ASCII or typographic double quotes are
    /// ignored. False when the header or the body's timeStamp is missing. The timeStamp's freshness is not checked.
    /// </summary>
    public static bool Verify(string? headerValue, JsonElement body, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (TimeStamp(body) is not { } timeStamp || Unquote(headerValue) is not { Length: > 0 } received)
        {
            return false;
        }

        return ConstantTime.TextEquals(Sign(CanonicalString(body), key, timeStamp), received)
            || ConstantTime.TextEquals(Sign(CanonicalString(body, keepBlankValues: true), key, timeStamp), received);
    }

    private static string? ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private static string? TimeStamp(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object
        && body.TryGetProperty(TimeStampProperty, out var value)
        && ValueText(value) is { } text
        && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;

    private static string? Unquote(string? headerValue)
    {
        var text = headerValue?.Trim();
        if (text is { Length: >= 2 } && text[0] is '"' or '\u201C' && text[^1] is '"' or '\u201D')
        {
            text = text[1..^1].Trim();
        }

        return text;
    }

    private static string Sign(string canonical, string key, string timeStamp) =>
        Convert.ToBase64String(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(key + timeStamp), Encoding.UTF8.GetBytes(canonical)));
}
