namespace Provisioning.Grains.Licenses;

/// <summary>
/// The online Licenses of one SaaS instance, keyed like the instance (<see cref="Instances.InstanceAddress.GrainKey"/>). An accepted
/// application is durable before it is answered; its License is issued once and uploaded until the marketplace has it.
/// </summary>
[Alias("prov.IOnlineLicenseGrain")]
public interface IOnlineLicenseGrain : IGrainWithStringKey
{
    /// <summary>Checks the application against the instance and accepts it, or answers the stored one for a repeated event id.</summary>
    [Alias("Apply")] Task<OnlineLicenseReply> Apply(LicenseApplication application);

    /// <summary>Every accepted application, oldest first.</summary>
    [Alias("GetLicenses")] Task<IReadOnlyList<OnlineLicense>> GetLicenses();
}
