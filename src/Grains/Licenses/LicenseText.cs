namespace Provisioning.Grains.Licenses;

/// <summary>What the marketplace can be handed as a License: 1 to <see cref="LicenseTerms.MaxLicenseLength"/> printable ASCII characters (license spec §8 #4).</summary>
internal static class LicenseText
{
    /// <summary>Why an issuer's License cannot be handed over (e.g. "is empty"), or null when it can.</summary>
    public static string? Problem(string? license) =>
        string.IsNullOrEmpty(license) ? "is empty"
        : license.Length > LicenseTerms.MaxLicenseLength ? $"is longer than {LicenseTerms.MaxLicenseLength} characters"
        : license.Any(c => c is < ' ' or > '~') ? "is not printable ASCII"
        : null;
}
