using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Encodings;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;

namespace Provisioning.KooGallery.Kit;

/// <summary>
/// Decrypts the RSA-OAEP, Base64 <c>clientSecret</c> of applicationSync with the seller's private key (Kit spec §2.5).
/// The OAEP digests are undocumented, so three variants are tried: SHA-1 with MGF1-SHA-1, SHA-256 with
/// MGF1-SHA-1, SHA-256 with MGF1-SHA-256. The first that works is tried first from then on. Safe for concurrent use.
/// </summary>
public sealed class ClientSecretDecryptor : IDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly RSA _rsa;
    private readonly RsaPrivateCrtKeyParameters _bouncyKey;
    private readonly Lock _gate = new();
    private readonly Func<byte[], byte[]>[] _variants;
    private int _preferred;

    /// <summary>Reads the private key from PEM text (PKCS#8 <c>PRIVATE KEY</c> or PKCS#1 <c>RSA PRIVATE KEY</c>).</summary>
    /// <exception cref="ArgumentException">The text holds no RSA private key. The message never quotes the text.</exception>
    public ClientSecretDecryptor(string privateKeyPem)
    {
        ArgumentNullException.ThrowIfNull(privateKeyPem);
        _rsa = RSA.Create();
        try
        {
            _rsa.ImportFromPem(privateKeyPem);
            _bouncyKey = BouncyKey(_rsa.ExportParameters(includePrivateParameters: true));
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            _rsa.Dispose();
            // Not chained: an inner exception from the importer must not be able to carry any of the key text.
            throw new ArgumentException("The PEM text holds no usable RSA private key.", nameof(privateKeyPem));
        }

        _variants = [DotNet(RSAEncryptionPadding.OaepSHA1), Sha256WithMgf1Sha1, DotNet(RSAEncryptionPadding.OaepSHA256)];
    }

    /// <summary>
    /// True, with the UTF-8 plaintext, when the Base64 ciphertext decrypts under one of the three OAEP variants.
    /// False for null, blanks, text that is not Base64, a ciphertext of the wrong length or for another key, and
    /// plaintext that is not UTF-8. Never throws on bad input.
    /// </summary>
    public bool TryDecrypt(string? base64CipherText, out string plaintext)
    {
        plaintext = string.Empty;
        if (string.IsNullOrWhiteSpace(base64CipherText))
        {
            return false;
        }

        var cipher = new byte[base64CipherText.Length * 3 / 4];
        if (!Convert.TryFromBase64String(base64CipherText, cipher, out var length))
        {
            return false;
        }

        cipher = cipher[..length];
        var preferred = Volatile.Read(ref _preferred);
        for (var i = 0; i < _variants.Length; i++)
        {
            var variant = (preferred + i) % _variants.Length;
            if (TryVariant(variant, cipher, out plaintext))
            {
                Volatile.Write(ref _preferred, variant);
                return true;
            }
        }

        return false;
    }

    /// <summary>Releases the key.</summary>
    public void Dispose() => _rsa.Dispose();

    private bool TryVariant(int variant, byte[] cipher, out string plaintext)
    {
        plaintext = string.Empty;
        try
        {
            plaintext = StrictUtf8.GetString(_variants[variant](cipher));
            return true;
        }
        catch (Exception e) when (e is CryptographicException or CryptoException or DecoderFallbackException or ArgumentException)
        {
            return false;
        }
    }

    // .NET does not promise that one RSA instance may decrypt on several threads at once.
    private Func<byte[], byte[]> DotNet(RSAEncryptionPadding padding) => cipher =>
    {
        lock (_gate)
        {
            return _rsa.Decrypt(cipher, padding);
        }
    };

    // RSAEncryptionPadding always uses the same hash for OAEP and MGF1, so this mixed variant needs BouncyCastle.
    private byte[] Sha256WithMgf1Sha1(byte[] cipher)
    {
        var oaep = new OaepEncoding(new RsaEngine(), new Sha256Digest(), new Sha1Digest(), null);
        oaep.Init(forEncryption: false, _bouncyKey);
        return oaep.ProcessBlock(cipher, 0, cipher.Length);
    }

    private static RsaPrivateCrtKeyParameters BouncyKey(RSAParameters p) => new(
        Positive(p.Modulus), Positive(p.Exponent), Positive(p.D), Positive(p.P), Positive(p.Q),
        Positive(p.DP), Positive(p.DQ), Positive(p.InverseQ));

    private static BigInteger Positive(byte[]? bigEndian) => new(1, bigEndian ?? throw new CryptographicException("Incomplete RSA private key."));
}
