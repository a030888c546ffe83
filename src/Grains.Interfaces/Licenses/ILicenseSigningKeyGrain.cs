using Orleans.Concurrency;

namespace Provisioning.Grains.Licenses;

/// <summary>
/// The public key the seller's software verifies Licenses with, answered by whichever silo takes the call (a stateless worker),
/// so a gateway in client mode needs no private key.
/// </summary>
[Alias("prov.ILicenseSigningKeyGrain")]
public interface ILicenseSigningKeyGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>The key Licenses are signed with now, or null when the issuer signs none (not configured, or replaced by the seller's).</summary>
    [Alias("Get"), ReadOnly] Task<LicenseVerificationKey?> Get();
}

/// <summary>A published verification key: the JWS <c>alg</c>, the <c>kid</c> in every License's header, and the SubjectPublicKeyInfo PEM.</summary>
[GenerateSerializer, Immutable, Alias("prov.LicenseVerificationKey")]
public sealed record LicenseVerificationKey(
    [property: Id(0)] string Algorithm,
    [property: Id(1)] string KeyId,
    [property: Id(2)] string PublicKeyPem);
