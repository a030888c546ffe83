namespace Provisioning.Grains.Licenses;

/// <summary>
/// Port: the key the seller's software verifies Licenses with, when the <see cref="ILicenseIssuer"/> signs them with one it can
/// publish (the default issuer does; a seller's own issuer need not).
/// </summary>
public interface ILicenseVerificationKeySource
{
    /// <summary>The current key, or null when there is none to publish.</summary>
    LicenseVerificationKey? Current { get; }
}
