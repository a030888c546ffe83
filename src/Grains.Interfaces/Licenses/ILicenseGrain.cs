namespace Provisioning.Grains.Licenses;

/// <summary>
/// One License of the retired License callbacks, keyed by <see cref="LicenseAddress.GrainKey"/>. It owns the License's lifecycle;
/// every command is idempotent, and a License is stored before it is answered.
/// </summary>
[Alias("prov.ILicenseGrain")]
public interface ILicenseGrain : IGrainWithStringKey
{
    /// <exception cref="InvalidOperationException">The License issuer is not configured; nothing was stored.</exception>
    [Alias("Issue")] Task<LicenseReply> Issue(IssueLicense command);

    /// <exception cref="InvalidOperationException">The License issuer is not configured; nothing was stored.</exception>
    [Alias("Renew")] Task<LicenseReply> Renew(RenewLicense command);

    [Alias("Expire")] Task<LicenseReply> Expire(ExpireLicense command);

    [Alias("Release")] Task<LicenseReply> Release(ReleaseLicense command);

    /// <summary>The License as it is now, or null if none was issued.</summary>
    [Alias("Get")] Task<LicenseSnapshot?> Get();
}
