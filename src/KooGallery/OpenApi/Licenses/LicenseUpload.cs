using System.Security.Cryptography;
using System.Text;

namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>
/// A License as 字符串/文件流上传 takes it (license §D.3): a string of at most <see cref="MaxCharacters"/> characters
/// (<c>CHARACTERS</c>), or a file with its name and SHA-256 (<c>FILE</c>).
/// </summary>
public sealed record LicenseUpload
{
    /// <summary>The longest License sent as <c>characters</c>; a longer one goes as a file.</summary>
    public const int MaxCharacters = 1024;

    /// <summary>The name a License sent as a file gets.</summary>
    public const string DefaultFileName = "license.lic";

    private LicenseUpload(string? characters, string? fileName, byte[]? file) =>
        (Characters, FileName, File) = (characters, fileName, file);

    /// <summary>The License string, for <c>CHARACTERS</c>; null for a file.</summary>
    public string? Characters { get; }

    /// <summary>The file's name, for <c>FILE</c>.</summary>
    public string? FileName { get; }

    /// <summary>The file's bytes, for <c>FILE</c>.</summary>
    public byte[]? File { get; }

    /// <summary>Lowercase hex SHA-256 of the file; null for a string.</summary>
    public string? Sha256 => File is null ? null : Convert.ToHexStringLower(SHA256.HashData(File));

    /// <summary>A License string: sent as <c>characters</c> when short enough, else as a UTF-8 file named <see cref="DefaultFileName"/>.</summary>
    public static LicenseUpload Of(string license)
    {
        ArgumentException.ThrowIfNullOrEmpty(license);
        return license.Length <= MaxCharacters ? new(license, null, null) : AsFile(DefaultFileName, Encoding.UTF8.GetBytes(license));
    }

    /// <summary>A License file.</summary>
    public static LicenseUpload AsFile(string fileName, byte[] file)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length == 0) throw new ArgumentException("A License file cannot be empty.", nameof(file));
        return new(null, fileName, file);
    }
}
