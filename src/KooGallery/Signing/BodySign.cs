using System.Security.Cryptography;
using System.Text;

namespace Provisioning.KooGallery;

/// <summary>
/// The <c>Body-Sign</c> response header (spec §3.3): Base64 of HMAC-SHA256 over the exact
/// response body bytes, keyed with the plain seller Key.
/// </summary>
public static class BodySign
{
    /// <summary>The header name; the marketplace matches it case-sensitively.</summary>
    public const string HeaderName = "Body-Sign";

    /// <summary>The only signature type the marketplace accepts.</summary>
    public const string SignType = "HMAC-SHA256";

    /// <summary>
    /// The header value for these body bytes, exactly as in Huawei's example:
    /// <c>sign_type="HMAC-SHA256", signature= "&lt;base64&gt;"</c>.
    /// </summary>
    public static string Compute(ReadOnlySpan<byte> body, string key) =>
        $"sign_type=\"{SignType}\", signature= \"{Signature(body, key)}\"";

    /// <summary>
    /// True when the header carries sign_type HMAC-SHA256 and the signature of these body bytes.
    /// Whitespace around names and values is ignored; values must be double-quoted, and unknown or
    /// repeated fields are rejected.
    /// </summary>
    public static bool Verify(string? headerValue, ReadOnlySpan<byte> body, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!TryParse(headerValue, out var signType, out var signature) || signType != SignType)
        {
            return false;
        }

        return ConstantTime.TextEquals(Signature(body, key), signature);
    }

    private static string Signature(ReadOnlySpan<byte> body, string key) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body));

    private static bool TryParse(string? headerValue, out string signType, out string signature)
    {
        signType = signature = string.Empty;
        string? type = null, sig = null;
        foreach (var part in (headerValue ?? string.Empty).Split(','))
        {
            var eq = part.IndexOf('=');
            if (eq < 0)
            {
                return false;
            }

            var name = part[..eq].Trim();
            var quoted = part[(eq + 1)..].Trim();
            if (quoted.Length < 2 || quoted[0] != '"' || quoted[^1] != '"')
            {
                return false;
            }

            var value = quoted[1..^1];
            switch (name)
            {
                case "sign_type" when type is null: type = value; break;
                case "signature" when sig is null: sig = value; break;
                default: return false;
            }
        }

        if (type is null || string.IsNullOrEmpty(sig))
        {
            return false;
        }

        (signType, signature) = (type, sig);
        return true;
    }
}
