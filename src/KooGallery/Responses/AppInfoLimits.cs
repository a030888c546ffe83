using System.Text;

namespace Provisioning.KooGallery.Responses;

/// <summary>
/// The marketplace's limits on appInfo (spec §1.1): URLs and memo in characters; userName and password in UTF-8 bytes
/// before encryption, since their ciphertext must fit in <see cref="FieldCipher.MaxCipherTextLength"/> characters.
/// The spec allows no truncation.
/// </summary>
public static class AppInfoLimits
{
    public const int MaxUrlLength = 512;
    public const int MaxMemoLength = 1024;

    /// <summary>Every value over its limit, naming the field, its size and the limit; null when all fit.</summary>
    public static string? Violations(string frontEndUrl, string? adminUrl, string? userName, string? password, string? memo)
    {
        string?[] violations =
        [
            Characters("frontEndUrl", frontEndUrl, MaxUrlLength),
            Characters("adminUrl", adminUrl, MaxUrlLength),
            Utf8Bytes("userName", userName),
            Utf8Bytes("password", password),
            Characters("memo", memo, MaxMemoLength),
        ];
        var found = violations.OfType<string>().ToArray();
        return found.Length == 0 ? null : string.Join("; ", found);
    }

    private static string? Characters(string field, string? value, int limit) =>
        value is not null && value.Length > limit ? $"appInfo.{field} is {value.Length} characters, over the limit of {limit}" : null;

    private static string? Utf8Bytes(string field, string? value) =>
        value is not null && Encoding.UTF8.GetByteCount(value) is var bytes && bytes > FieldCipher.MaxPlaintextBytes
            ? $"appInfo.{field} is {bytes} UTF-8 bytes, over the limit of {FieldCipher.MaxPlaintextBytes}"
            : null;
}
