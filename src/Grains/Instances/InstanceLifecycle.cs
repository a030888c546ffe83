namespace Provisioning.Grains.Instances;

/// <summary>
/// The instance state machine: (provisioning →) opened → active ⇄ frozen → released. Each method checks the command against
/// the current state, changes the state only when the command is new, and appends the transition to the history.
/// It never throws for an illegal transition: it answers with the <see cref="Decision"/> the marketplace should see.
/// </summary>
internal sealed class InstanceLifecycle(SaasInstanceState state, string instanceId, DateTimeOffset now)
{
    public Decision StartProvisioning(ProvisionInstance command)
    {
        if (state.IsOpened) return Decision.AlreadyApplied($"instance {instanceId} already opened for order {state.OrderId}");
        if (state.IsProvisioning) return Decision.InProgress(instanceId);
        if (state.Status == InstanceStatus.Released) return Decision.Released(instanceId);

        state.OrderId = command.OrderId;
        state.OrderLineId = command.OrderLineId;
        state.Status = InstanceStatus.Provisioning;
        Record(InstanceAction.Provision, command.OrderId, from: null, $"order line {command.OrderLineId}");
        return Decision.Applied($"instance {instanceId} accepted; provisioning");
    }

    public Decision Open(OpenInstance command, Func<IssuedAccess> issueAccess)
    {
        if (state.IsOpened)
        {
            return Decision.AlreadyApplied($"instance {instanceId} already opened for order {state.OrderId}");
        }

        // Released while its order was still being fetched: the buyer is gone, so nothing is opened.
        if (state.Status == InstanceStatus.Released) return Decision.Released(instanceId);

        var issued = issueAccess();
        if (issued.Access is null) return Decision.Refused(issued.Refusal!);

        InstanceStatus? from = state.IsProvisioning ? InstanceStatus.Provisioning : null;
        state.OrderId = command.OrderId;
        state.Buyer = command.Buyer;
        state.Plan = command.Plan;
        state.Trial = command.Trial;
        state.ExpiresAt = command.ExpiresAt;
        state.OrderAmount = command.OrderAmount;
        state.ExtendParams = command.ExtendParams;
        state.Access = issued.Access;
        state.OpenedAt = now;
        state.Status = InstanceStatus.Active;
        Record(InstanceAction.Open, command.OrderId, from, command.Trial ? "trial" : null);
        return Decision.Applied($"instance {instanceId} opened");
    }

    public Decision Renew(RenewInstance command)
    {
        if (Precondition() is { } refusal) return refusal;
        if (!state.AppliedOrders.Add(OrderMark(InstanceAction.Renew, command.OrderId)))
        {
            return Decision.AlreadyApplied($"renewal order {command.OrderId} already applied");
        }

        var from = state.Status;
        state.ExpiresAt = command.ExpiresAt;
        if (command.Kind == RenewalKind.TrialToFormal) state.Trial = false;
        state.Plan = state.Plan! with
        {
            ProductId = command.ProductId ?? state.Plan.ProductId,
            PeriodType = command.PeriodType ?? state.Plan.PeriodType,
            PeriodNumber = command.PeriodNumber ?? state.Plan.PeriodNumber,
        };

        // A renewal paid during the freeze period brings the instance back (V1 has no separate unfreeze call).
        if (state.Status == InstanceStatus.Frozen && command.Kind != RenewalKind.RenewalPeriodCancelled && command.ExpiresAt > now)
        {
            state.Status = InstanceStatus.Active;
        }

        Record(InstanceAction.Renew, command.OrderId, from, $"{command.Kind}, expires {command.ExpiresAt:O}");
        return Decision.Applied($"instance {instanceId} renewed until {command.ExpiresAt:yyyy-MM-dd HH:mm:ss}Z");
    }

    public Decision Freeze(FreezeInstance command)
    {
        if (Precondition() is { } refusal) return refusal;
        if (state.Status == InstanceStatus.Frozen) return Decision.AlreadyApplied($"instance {instanceId} is already frozen");

        Transition(InstanceStatus.Frozen, InstanceAction.Freeze, command.OrderId);
        return Decision.Applied($"instance {instanceId} frozen");
    }

    public Decision Unfreeze(UnfreezeInstance command)
    {
        if (Precondition() is { } refusal) return refusal;
        if (state.Status == InstanceStatus.Active) return Decision.AlreadyApplied($"instance {instanceId} is already active");

        Transition(InstanceStatus.Active, InstanceAction.Unfreeze, command.OrderId);
        return Decision.Applied($"instance {instanceId} unfrozen");
    }

    public Decision Release(ReleaseInstance command)
    {
        if (!state.IsKnown) return Decision.NotFound(instanceId);
        if (state.Status == InstanceStatus.Released) return Decision.AlreadyApplied($"instance {instanceId} was already released");

        Transition(InstanceStatus.Released, InstanceAction.Release, command.OrderId);
        ForgetBuyerData();
        return Decision.Applied($"instance {instanceId} released");
    }

    public Decision Upgrade(UpgradeInstance command)
    {
        if (Precondition() is { } refusal) return refusal;
        if (!state.AppliedOrders.Add(OrderMark(InstanceAction.Upgrade, command.OrderId)))
        {
            return Decision.AlreadyApplied($"upgrade order {command.OrderId} already applied");
        }

        var plan = state.Plan!;
        state.Plan = plan with
        {
            ProductId = command.ProductId,
            SkuCode = command.SkuCode ?? plan.SkuCode,
            Quantities = new Quantities(
                command.Quantities.Amount ?? plan.Quantities.Amount,
                command.Quantities.DiskSizeGb ?? plan.Quantities.DiskSizeGb,
                command.Quantities.BandwidthMbps ?? plan.Quantities.BandwidthMbps),
        };
        Record(InstanceAction.Upgrade, command.OrderId, state.Status, $"product {command.ProductId}, sku {state.Plan.SkuCode}");
        return Decision.Applied($"instance {instanceId} upgraded to product {command.ProductId}");
    }

    public Decision CheckPlanChange(CheckPlanChange command) =>
        Precondition() ?? new Decision(InstanceOutcome.Allowed, $"instance {instanceId} may change to product {command.ProductId}, sku {command.SkuCode}");

    /// <summary>Why no command may change this instance now (unknown, released, still provisioning), or null.</summary>
    public Decision? Precondition() =>
        !state.IsKnown ? Decision.NotFound(instanceId)
        : state.Status == InstanceStatus.Released ? Decision.Released(instanceId)
        : state.IsProvisioning ? Decision.InProgress(instanceId)
        : null;

    private void Transition(InstanceStatus to, InstanceAction action, string? orderId)
    {
        var from = state.Status;
        state.Status = to;
        Record(action, orderId, from, detail: null);
    }

    private void Record(InstanceAction action, string? orderId, InstanceStatus? from, string? detail) =>
        state.History.Add(new InstanceTransition(now, action, orderId, from, state.Status, detail));

    // Released instances keep their ids and history for idempotency and audit, but no personal data or credentials.
    private void ForgetBuyerData()
    {
        state.Buyer = state.Buyer is null ? null : state.Buyer with { MobilePhone = null, Email = null, UserName = null };
        state.Access = state.Access is null ? null : state.Access with { UserName = null, Password = null };
        state.ExtendParams = state.ExtendParams.Clear();
    }

    private static string OrderMark(InstanceAction action, string orderId) => $"{action}:{orderId}";
}
