using System.Security.Cryptography;
using System.Text;

namespace Provisioning.KooGallery.Usage;

/// <summary>
/// The new usage push's <c>signature</c> header (kit §C.1): Base64 HMAC-SHA256, keyed with the UTF-8 access key, of
/// <c>ts={ts}&amp;nonce={nonce}&amp;body={body}</c> where the body is the exact bytes sent.
/// </summary>
public static class UsagePushSignature
{
    /// <summary>The signature of <paramref name="body"/> sent at <paramref name="ts"/> (Unix ms) with <paramref name="nonce"/>.</summary>
    public static string Compute(string accessKey, string ts, string nonce, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(accessKey);
        ArgumentNullException.ThrowIfNull(ts);
        ArgumentNullException.ThrowIfNull(nonce);
        var prefix = Encoding.UTF8.GetBytes($"ts={ts}&nonce={nonce}&body=");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(accessKey), message));
    }

    /// <summary>True when <paramref name="signature"/> is the one <see cref="Compute"/> gives; compared in constant time.</summary>
    public static bool Verify(string accessKey, string ts, string nonce, ReadOnlySpan<byte> body, string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return ConstantTime.TextEquals(Compute(accessKey, ts, nonce, body), signature);
    }
}
