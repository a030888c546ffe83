namespace Provisioning.Grains.Instances;

/// <summary>
/// Pay-per-use idempotency: one instance per (order, product), whichever order line opens it first.
/// Keyed by <see cref="OrderProductAddress.GrainKey"/>.
/// </summary>
[Alias("prov.IOrderProductClaimGrain")]
public interface IOrderProductClaimGrain : IGrainWithStringKey
{
    /// <summary>Claims the product for an instance and returns the instance that holds it (the first claimant).</summary>
    [Alias("Claim")] Task<string> Claim(string instanceId);
}
