using Microsoft.Extensions.Options;
using Provisioning.Grains.Events;
using Provisioning.Grains.Orders;
using Provisioning.Grains.Usage;

namespace Provisioning.Grains.Instances;

/// <summary>
/// One SaaS instance, as the marketplace addresses it. The grain only decides who answers: the instance itself
/// (<see cref="InstanceCommands"/>, with V2 provisioning in <see cref="OrderLineProvisioning"/>), or, for a pay-per-use order
/// line that shares another line's instance, that holder. The provisioning hook's <see cref="ITenantProvisioner"/> is registered
/// only when it is configured; without it instances open as they always did.
/// </summary>
[GrainType("saas-instance")]
internal sealed class SaasInstanceGrain : Grain, ISaasInstanceGrain, IRemindable
{
    private readonly InstanceCommands _instance;

    public SaasInstanceGrain(
        [PersistentState("saas-instance", StorageNames.Grains)] IPersistentState<SaasInstanceState> state,
        InstanceAccessIssuer accessIssuer,
        Lazy<IOrderSource> orders,
        IOptions<ProvisioningOptions> options,
        IInstanceProjection projection,
        SellerEventPolicy policy,
        TimeProvider clock,
        ILogger<SaasInstanceGrain> logger,
        ITenantProvisioner? tenantProvisioner = null) =>
        _instance = new InstanceCommands(
            this, InstanceAddress.FromGrainKey(this.GetPrimaryKeyString()), state, GrainFactory, accessIssuer, new OrderLines(orders),
            tenantProvisioner is null ? null : new TenantCreation(tenantProvisioner, accessIssuer, logger), options.Value, projection, policy, clock,
            logger, DeactivateOnIdle);

    /// <summary>Another line of the same pay-per-use order already holds this product's instance: it answers instead.</summary>
    private ISaasInstanceGrain? Holder =>
        _instance.State.DuplicateOf is { } holder ? GrainFactory.GetInstance(_instance.Address with { InstanceId = holder }) : null;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A silo that stopped between the state write and the projection left the query model or the outbox behind: catch up.
        _instance.Publication.Activated();
        await _instance.Publication.ProjectAsync();

        // A silo that stopped mid-provisioning left the work undone: pick it up as soon as the grain is back.
        if (_instance.State.IsProvisioning && Holder is null) _instance.Provisioning.Continue();
    }

    Task<InstanceReply> ISaasInstanceGrain.Open(OpenInstance command) => _instance.Open(command);

    async Task<InstanceReply> ISaasInstanceGrain.Provision(ProvisionInstance command)
    {
        // Provisioning itself may find that another line of the order already holds the product.
        var reply = Holder is null ? await _instance.Provision(command) : null;
        return reply ?? await SharedWith(Holder!, command);
    }

    Task<InstanceReply> ISaasInstanceGrain.Renew(RenewInstance command) => Holder?.Renew(command) ?? _instance.Renew(command);

    Task<InstanceReply> ISaasInstanceGrain.Freeze(FreezeInstance command) => Holder?.Freeze(command) ?? _instance.Freeze(command);

    Task<InstanceReply> ISaasInstanceGrain.Unfreeze(UnfreezeInstance command) => Holder?.Unfreeze(command) ?? _instance.Unfreeze(command);

    Task<InstanceReply> ISaasInstanceGrain.Release(ReleaseInstance command) => Holder?.Release(command) ?? _instance.Release(command);

    Task<InstanceReply> ISaasInstanceGrain.Upgrade(UpgradeInstance command) => Holder?.Upgrade(command) ?? _instance.Upgrade(command);

    Task<InstanceReply> ISaasInstanceGrain.ChangePlan(ChangePlan command) => Holder?.ChangePlan(command) ?? _instance.ChangePlan(command);

    Task<InstanceReply> ISaasInstanceGrain.CheckPlanChange(CheckPlanChange command) =>
        Holder?.CheckPlanChange(command) ?? Task.FromResult(_instance.CheckPlanChange(command));

    Task<InstanceSnapshot?> ISaasInstanceGrain.Get() => Holder?.Get() ?? Task.FromResult(_instance.Snapshot());

    Task<IReadOnlyList<InstanceTransition>> ISaasInstanceGrain.GetHistory() =>
        Task.FromResult<IReadOnlyList<InstanceTransition>>([.. _instance.State.History]);

    Task ISaasInstanceGrain.Reproject() => _instance.Publication.ProjectAsync();

    // A line that shares another line's instance is never metered under its own id: the marketplace knows only the holder's.
    Task<UsageTerms?> ISaasInstanceGrain.GetUsageTerms() => Task.FromResult(_instance.UsageTerms());

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != OrderLineProvisioning.ReminderName) return;
        if (_instance.State.IsProvisioning && Holder is null) _instance.Provisioning.Continue();
        else await _instance.Provisioning.StopAsync();
    }

    private async Task<InstanceReply> SharedWith(ISaasInstanceGrain holder, ProvisionInstance command) =>
        _instance.Reply(Decision.AlreadyApplied($"order line {command.OrderLineId} shares instance {_instance.State.DuplicateOf}"), await holder.Get());
}
