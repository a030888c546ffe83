namespace Provisioning.Grains.Instances;

/// <summary>What V2 provisioning needs of the instance grain it opens.</summary>
internal interface IProvisionedInstance
{
    InstanceAddress Address { get; }

    SaasInstanceState State { get; }

    /// <summary>
    /// The lifecycle's decision on opening the instance from a fetched line, with the tenant the seller's application created (when
    /// the provisioning hook is on); the state changes only when it is applied.
    /// </summary>
    Decision Open(OpenInstance command, ProvisionedTenant? tenant);

    /// <summary>Makes the state durable (and tells the meter), as after any applied command.</summary>
    Task Persist();
}
