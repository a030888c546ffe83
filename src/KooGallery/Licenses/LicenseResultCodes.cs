namespace Provisioning.KooGallery.Licenses;

/// <summary>The <c>resultCode</c> values of the online License's <c>getLicenseAsync</c> beyond the common ones (license §C.1).</summary>
public static class LicenseResultCodes
{
    /// <summary>The instance has no License left: more devices than its quantity.</summary>
    public const string QuotaInsufficient = "000900";

    /// <summary>The requested period lies outside the instance's validity.</summary>
    public const string OutsideValidity = "000901";

    /// <summary>A period instance's License needs an expiry date.</summary>
    public const string ExpiryRequired = "000902";

    /// <summary>The product binds its Licenses to a device, and no fingerprint was given.</summary>
    public const string FingerprintRequired = "000903";
}
