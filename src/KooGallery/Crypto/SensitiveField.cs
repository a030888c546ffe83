namespace Provisioning.KooGallery;

/// <summary>
/// Decrypts buyer data sent encrypted (V1 newInstance mobilePhone/email, spec §3.6), whose key
/// size is a product setting the request does not carry: tries the configured size, then the other.
/// </summary>
public static class SensitiveField
{
    /// <summary>
    /// Decrypts with <paramref name="preferred"/>, falling back to the other key size;
    /// <paramref name="used"/> tells which one worked so the caller can warn about a misconfiguration.
    /// </summary>
    public static bool TryDecrypt(string? value, string key, EncryptType preferred, out string plaintext, out EncryptType used)
    {
        foreach (var type in (ReadOnlySpan<EncryptType>)[preferred, EncryptTypes.Other(preferred)])
        {
            if (new FieldCipher(key, type).TryDecrypt(value, out plaintext))
            {
                used = type;
                return true;
            }
        }

        plaintext = string.Empty;
        used = preferred;
        return false;
    }
}
