namespace Provisioning.Grains.Instances;

/// <summary>
/// Port: the provisioning hook. Asks the seller's own application to create the tenant of an instance before the instance opens.
/// The same order is asked again after a timeout, a failure or a restart, so the application must answer every repeat with the
/// same tenant. Registered only when the hook is configured; without it instances open from the access templates alone.
/// </summary>
public interface ITenantProvisioner
{
    /// <summary>
    /// The tenant the application created, with the access it wants the buyer handed (each value optional). Throws when the
    /// application has not created it (no answer in time, a refusal, an unreadable answer): the message says why, without secrets.
    /// </summary>
    Task<ProvisionedTenant> CreateTenantAsync(TenantOrder order, CancellationToken cancellationToken);
}
