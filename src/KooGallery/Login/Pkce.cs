using System.Security.Cryptography;
using System.Text;

namespace Provisioning.KooGallery.Login;

/// <summary>Proof Key for Code Exchange (RFC 7636) with the S256 method.</summary>
public static class Pkce
{
    /// <summary>The only challenge method offered: <c>S256</c>.</summary>
    public const string Method = "S256";

    /// <summary>A fresh code verifier: 32 random bytes, base64url without padding (43 characters).</summary>
    public static string NewVerifier() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The S256 challenge of <paramref name="verifier"/>: base64url(SHA-256(ASCII(verifier))) without padding.</summary>
    /// <exception cref="ArgumentException">The verifier is not 43–128 unreserved characters (RFC 7636 §4.1).</exception>
    public static string Challenge(string verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        if (verifier.Length is < 43 or > 128 || !verifier.All(IsUnreserved))
        {
            throw new ArgumentException("A PKCE code verifier is 43 to 128 characters of A–Z, a–z, 0–9, '-', '.', '_' and '~'.", nameof(verifier));
        }

        return Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
