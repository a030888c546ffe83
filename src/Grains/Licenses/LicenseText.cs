namespace Provisioning.Grains.Licenses;

/// <summary>What the marketplace can be handed as a License: 1 to <see cref="LicenseTerms.MaxLicenseLength"/> printable ASCII characters (license spec §8 #4).</summary>
internal static class LicenseText
{
    public static bool IsValid(string? license) =>
        license is { Length: > 0 and <= LicenseTerms.MaxLicenseLength } && license.All(c => c is >= ' ' and <= '~');
}
