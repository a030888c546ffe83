namespace Provisioning.Grains.Licenses;

/// <summary>Where a License is in its lifecycle: issued (active) ⇄ frozen (expired, may be renewed) → released (revoked).</summary>
[GenerateSerializer, Alias("prov.LicenseStatus")]
public enum LicenseStatus
{
    Active = 0,
    Frozen = 1,
    Released = 2,
}
