namespace Provisioning.KooGallery.Licenses;

/// <summary>
/// Values of the <c>activity</c> field of the activation code callbacks (license spec §B.3), POSTed to the V2 address and
/// signed with the key bound to the License授权码交付接口 type.
/// </summary>
public static class LicenseCodeActivities
{
    public const string RefreshLicenseCode = "refreshLicenseCode";
    public const string UpdateLicenseCodeStatus = "updateLicenseCodeStatus";
    public const string ReleaseLicenseCode = "releaseLicenseCode";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([RefreshLicenseCode, UpdateLicenseCodeStatus, ReleaseLicenseCode]);
}
