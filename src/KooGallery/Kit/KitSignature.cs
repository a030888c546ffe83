using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Provisioning.KooGallery.Kit;

/// <summary>
/// The V2 Kit request signature (Kit spec §2.3): lowercase hex of HMAC-SHA256, keyed with the accessKey, over
/// accessKey + nonce + timestamp + the request payload, carried in the <c>x-sign</c> header.
/// </summary>
public static class KitSignature
{
    /// <summary>The header carrying the signature.</summary>
    public const string SignHeader = "x-sign";

    /// <summary>The header carrying the Unix time of the call in milliseconds; read it with <see cref="V2Signature.TryParseTimestamp"/>.</summary>
    public const string TimestampHeader = "x-timestamp";

    /// <summary>The header carrying the per-call random string.</summary>
    public const string NonceHeader = "x-nonce";

    private const int HexLength = 64;

    /// <summary>The signature of this payload text, in lowercase hex.</summary>
    public static string Compute(string payload, string accessKey, string nonce, string timestamp)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Sign(Encoding.UTF8.GetBytes(payload), accessKey, nonce, timestamp);
    }

    /// <summary>
    /// The payload as Huawei's sample re-serializes it: top-level null properties dropped, top-level names in ordinal
    /// order, compact, numbers and nested objects and arrays exactly as received; top-level names and strings escaped
    /// the way Jackson escapes them (only <c>"</c>, <c>\</c> and control characters; non-ASCII and <c>/</c> raw).
    /// The body must come from a reader that refuses repeated names (<see cref="JsonObjectBody"/>): which of two values a
    /// signature covers must never be a question.
    /// </summary>
    public static string CanonicalPayload(JsonElement body)
    {
        var sorted = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        if (body.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in body.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    sorted.TryAdd(property.Name, property.Value);
                }
            }
        }

        var payload = new StringBuilder("{");
        foreach (var (name, value) in sorted)
        {
            if (payload.Length > 1)
            {
                payload.Append(',');
            }

            AppendQuoted(payload, name).Append(':');
            if (value.ValueKind == JsonValueKind.String)
            {
                AppendQuoted(payload, value.GetString()!);
            }
            else
            {
                payload.Append(value.GetRawText());
            }
        }

        return payload.Append('}').ToString();
    }

    /// <summary>
    /// True when <paramref name="sign"/> is 64 hex digits, in either case, equal to the signature of the raw body or of
    /// its <see cref="CanonicalPayload"/> (Kit spec A-8). The timestamp's freshness and the nonce's novelty are
    /// checked separately.
    /// </summary>
    public static bool Verify(string? sign, ReadOnlySpan<byte> rawBody, JsonElement body, string accessKey, string nonce, string timestamp)
    {
        if (!IsHex(sign))
        {
            return false;
        }

        var received = sign.ToLowerInvariant();
        return ConstantTime.TextEquals(Sign(rawBody, accessKey, nonce, timestamp), received)
            || ConstantTime.TextEquals(Compute(CanonicalPayload(body), accessKey, nonce, timestamp), received);
    }

    private static string Sign(ReadOnlySpan<byte> payload, string accessKey, string nonce, string timestamp)
    {
        ArgumentNullException.ThrowIfNull(accessKey);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.UTF8.GetBytes(accessKey + nonce + timestamp);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(accessKey));
        hmac.AppendData(prefix);
        hmac.AppendData(payload);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    // Jackson's escaping, which System.Text.Json's relaxed encoder does not match: that one still escapes DEL and every
    // character beyond the Basic Multilingual Plane (emoji), which Jackson writes raw.
    private static StringBuilder AppendQuoted(StringBuilder payload, string text)
    {
        payload.Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => payload.Append("\\\""),
                '\\' => payload.Append("\\\\"),
                '\b' => payload.Append("\\b"),
                '\t' => payload.Append("\\t"),
                '\n' => payload.Append("\\n"),
                '\f' => payload.Append("\\f"),
                '\r' => payload.Append("\\r"),
                < ' ' => payload.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => payload.Append(c),
            };
        }

        return payload.Append('"');
    }

    private static bool IsHex([NotNullWhen(true)] string? sign) =>
        sign is { Length: HexLength } && sign.All(char.IsAsciiHexDigit);
}
