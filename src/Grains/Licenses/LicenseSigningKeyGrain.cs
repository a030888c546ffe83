using Orleans.Concurrency;

namespace Provisioning.Grains.Licenses;

/// <summary>Answers the verification key on whichever silo takes the call: every silo is configured with the same key.</summary>
[StatelessWorker, GrainType("license-signing-key")]
internal sealed class LicenseSigningKeyGrain(ILicenseVerificationKeySource keys) : Grain, ILicenseSigningKeyGrain
{
    public Task<LicenseVerificationKey?> Get() => Task.FromResult(keys.Current);
}
