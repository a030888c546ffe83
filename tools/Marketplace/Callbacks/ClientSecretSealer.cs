using System.Security.Cryptography;
using System.Text;

namespace Provisioning.Marketplace.Callbacks;

/// <summary>
/// Encrypts applicationSync's <c>clientSecret</c> as KooGallery does (Kit spec §2.5): RSA-OAEP with the public key the seller
/// uploaded, Base64. Only the public half is ever held here.
/// </summary>
public sealed class ClientSecretSealer : IDisposable
{
    private readonly RSA _rsa;

    private ClientSecretSealer(RSA rsa) => _rsa = rsa;

    /// <summary>
    /// Reads a public key as the gateway prints it (the Base64 body of a SubjectPublicKeyInfo, as pasted in the seller console) or
    /// as PEM (<c>PUBLIC KEY</c> or <c>RSA PUBLIC KEY</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The text holds no RSA public key.</exception>
    public static ClientSecretSealer FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rsa = RSA.Create();
        try
        {
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                rsa.ImportFromPem(text);
            }
            else
            {
                rsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(text.Trim()), out _);
            }

            return new ClientSecretSealer(rsa);
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            rsa.Dispose();
            throw new ArgumentException("The text holds no RSA public key (expected Base64 SubjectPublicKeyInfo or PEM).", nameof(text));
        }
    }

    /// <summary>The Base64 ciphertext of <paramref name="secret"/> (OAEP with SHA-1, the first variant the gateway tries).</summary>
    public string Seal(string secret) =>
        Convert.ToBase64String(_rsa.Encrypt(Encoding.UTF8.GetBytes(secret), RSAEncryptionPadding.OaepSHA1));

    /// <inheritdoc />
    public void Dispose() => _rsa.Dispose();
}
