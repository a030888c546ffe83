using System.ComponentModel.DataAnnotations;

namespace Provisioning.KooGallery.Usage;

/// <summary>
/// The usage push (configuration section <c>KooGallery:UsagePush</c>). Hosts, per-attempt timeout and retries are the
/// Open API's (<c>KooGallery:OpenApi</c>), as is the AK/SK that signs the old version.
/// </summary>
public sealed class UsagePushOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "KooGallery:UsagePush";

    /// <summary>The V2 basic-interface access key setting that <see cref="AccessKey"/> falls back to.</summary>
    public const string BasicAccessKeySetting = "KooGallery:AccessKey";

    /// <summary>Which usage push is called; the new one unless set.</summary>
    [EnumDataType(typeof(UsagePushVersion), ErrorMessage = "KooGallery:UsagePush:Version must be New or Old")]
    public UsagePushVersion Version { get; set; } = UsagePushVersion.New;

    /// <summary>
    /// The key that signs the new version: the accessKey bound to the basic interfaces (kit §C.1, A-20). When empty,
    /// the V2 basic access key <c>KooGallery:AccessKey</c> is used; set this only where the two differ.
    /// </summary>
    public string? AccessKey { get; set; }

    /// <summary>The value of <see cref="BasicAccessKeySetting"/>.</summary>
    internal string? BasicAccessKey { get; set; }

    /// <summary><see cref="AccessKey"/>, else the basic access key.</summary>
    /// <exception cref="InvalidOperationException">Neither is configured.</exception>
    internal string SigningKey() =>
        !string.IsNullOrWhiteSpace(AccessKey) ? AccessKey
        : !string.IsNullOrWhiteSpace(BasicAccessKey) ? BasicAccessKey
        : throw new InvalidOperationException(
            $"{SectionName}:{nameof(AccessKey)} is not set, nor is {BasicAccessKeySetting}. The usage push is signed with "
            + $"the access key bound to the basic interfaces: set {BasicAccessKeySetting}, or {SectionName}:{nameof(AccessKey)} when it differs.");
}
