namespace Provisioning.KooGallery.Licenses;

/// <summary>Values of the <c>activity</c> query parameter of the retired License callbacks (license spec §A.1), sent to the V1 address.</summary>
public static class LicenseActivities
{
    public const string GetLicense = "getLicense";
    public const string RefreshLicense = "refreshLicense";
    public const string ExpireLicense = "expireLicense";
    public const string ReleaseLicense = "releaseLicense";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([GetLicense, RefreshLicense, ExpireLicense, ReleaseLicense]);
}
