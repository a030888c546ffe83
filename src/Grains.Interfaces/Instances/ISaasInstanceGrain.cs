using Orleans.Concurrency;
using Provisioning.Grains.Usage;

namespace Provisioning.Grains.Instances;

/// <summary>
/// One SaaS instance a buyer paid for, keyed by <see cref="InstanceAddress.GrainKey"/>. It owns the
/// instance's lifecycle state machine; every command is idempotent and durable before it returns.
/// </summary>
[Alias("prov.ISaasInstanceGrain")]
public interface ISaasInstanceGrain : IGrainWithStringKey
{
    [Alias("Open")] Task<InstanceReply> Open(OpenInstance command);

    /// <summary>Opens the instance of a marketplace order line, waiting at most the command's budget for it.</summary>
    [Alias("Provision")] Task<InstanceReply> Provision(ProvisionInstance command);

    [Alias("Renew")] Task<InstanceReply> Renew(RenewInstance command);

    [Alias("Freeze")] Task<InstanceReply> Freeze(FreezeInstance command);

    [Alias("Unfreeze")] Task<InstanceReply> Unfreeze(UnfreezeInstance command);

    [Alias("Release")] Task<InstanceReply> Release(ReleaseInstance command);

    [Alias("Upgrade")] Task<InstanceReply> Upgrade(UpgradeInstance command);

    [Alias("ChangePlan")] Task<InstanceReply> ChangePlan(ChangePlan command);

    [Alias("CheckPlanChange")] Task<InstanceReply> CheckPlanChange(CheckPlanChange command);

    /// <summary>The instance as it is now, or null if it was never opened.</summary>
    [Alias("Get")] Task<InstanceSnapshot?> Get();

    /// <summary>Every transition applied so far, oldest first.</summary>
    [Alias("GetHistory")] Task<IReadOnlyList<InstanceTransition>> GetHistory();

    /// <summary>
    /// Writes the instance's query-model row and its unpublished events again (idempotent): the repair of a silo that stopped
    /// between the state write and the projection.
    /// </summary>
    [Alias("Reproject")] Task Reproject();

    /// <summary>
    /// What the instance allows to be metered, or null if it has not been opened. Interleaves, because the instance calls its
    /// meter while changing and the meter asks for the terms when it activates.
    /// </summary>
    [Alias("GetUsageTerms"), AlwaysInterleave] Task<UsageTerms?> GetUsageTerms();
}
