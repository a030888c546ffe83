using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Provisioning.KooGallery;

/// <summary>
/// AES-CBC field encryption with a SHA1PRNG-derived key: encrypts appInfo userName/password
/// and decrypts mobilePhone/email (spec §3.5, §3.6). Output is a 16-character IV followed by Base64.
/// Thread-safe; derive once per Key and reuse.
/// </summary>
public sealed class FieldCipher
{
    /// <summary>The longest plaintext, in UTF-8 bytes, whose ciphertext fits in <see cref="MaxCipherTextLength"/>.</summary>
    public const int MaxPlaintextBytes = 79;

    /// <summary>The marketplace's limit on an encrypted appInfo field, IV included.</summary>
    public const int MaxCipherTextLength = 128;

    private const int IvLength = 16;
    private const string IvAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly byte[] _key;

    /// <summary>Derives the AES key for the seller Key and key size.</summary>
    public FieldCipher(string key, EncryptType type)
    {
        _key = Sha1PrngKey.Derive(key, type);
        Type = type;
    }

    /// <summary>The key size, to be sent as <c>encryptType</c>.</summary>
    public EncryptType Type { get; }

    /// <summary>
    /// Encrypts with an IV derived from the plaintext, so equal plaintexts give equal ciphertexts.
    /// </summary>
    /// <exception cref="ArgumentException">The plaintext is longer than <see cref="MaxPlaintextBytes"/> UTF-8 bytes.</exception>
    public string Encrypt(string plaintext)
    {
        var plain = PlainBytes(plaintext);
        // Re-sent newInstance/queryInstance must get byte-identical appInfo; a synthetic IV keeps deterministic CBC safe.
        return Seal(plain, SyntheticIv(plain));
    }

    /// <summary>Encrypts with an explicit IV of 16 characters from <c>[A-Za-z0-9]</c>.</summary>
    /// <exception cref="ArgumentException">The IV is malformed, or the plaintext is too long.</exception>
    public string Encrypt(string plaintext, string iv)
    {
        ArgumentNullException.ThrowIfNull(iv);
        if (iv.Length != IvLength || !iv.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"The IV must be {IvLength} characters from [A-Za-z0-9].", nameof(iv));
        }

        return Seal(PlainBytes(plaintext), iv);
    }

    /// <summary>
    /// Decrypts an IV-prefixed ciphertext with this instance's key; spaces count as '+'.
    /// False, never an exception, for anything that does not decrypt to valid UTF-8.
    /// </summary>
    public bool TryDecrypt(string? cipherText, out string plaintext)
    {
        plaintext = string.Empty;
        if (cipherText is null || cipherText.Length <= IvLength)
        {
            return false;
        }

        cipherText = cipherText.Replace(' ', '+');
        var ivText = cipherText.AsSpan(0, IvLength);
        if (!Ascii.IsValid(ivText))
        {
            return false;
        }

        Span<byte> iv = stackalloc byte[IvLength];
        Encoding.ASCII.GetBytes(ivText, iv);

        var body = cipherText.AsSpan(IvLength);
        var cipher = new byte[body.Length / 4 * 3 + 3];
        if (!Convert.TryFromBase64Chars(body, cipher, out var length) || length == 0 || length % 16 != 0)
        {
            return false;
        }

        try
        {
            using var aes = NewAes();
            var plain = aes.DecryptCbc(cipher.AsSpan(0, length), iv, PaddingMode.PKCS7);
            if (!Utf8.IsValid(plain))
            {
                return false;
            }

            plaintext = Encoding.UTF8.GetString(plain);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static byte[] PlainBytes(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        if (plain.Length > MaxPlaintextBytes)
        {
            throw new ArgumentException(
                $"The plaintext exceeds {MaxPlaintextBytes} UTF-8 bytes, so its ciphertext would exceed {MaxCipherTextLength} characters.",
                nameof(plaintext));
        }

        return plain;
    }

    private string Seal(byte[] plain, string iv)
    {
        using var aes = NewAes();
        var cipher = aes.EncryptCbc(plain, Encoding.ASCII.GetBytes(iv), PaddingMode.PKCS7);
        return iv + Convert.ToBase64String(cipher);
    }

    private string SyntheticIv(byte[] plain)
    {
        var mac = HMACSHA256.HashData(_key, plain);
        return string.Create(IvLength, mac, static (chars, mac) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = IvAlphabet[mac[i] % IvAlphabet.Length];
            }
        });
    }

    // A fresh Aes per call: instances are not safe to share across threads, and creating one is cheap.
    private Aes NewAes()
    {
        var aes = Aes.Create();
        aes.Key = _key;
        return aes;
    }
}
