using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Tests.Instances;

public sealed class InstanceLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly InstanceAccess Access = new("https://app.example.com", null, "admin", "S3cret!pass", null);

    private readonly SaasInstanceState _state = new();

    private InstanceLifecycle Life(DateTimeOffset? at = null) => new(_state, "i-1", at ?? Now);

    private SaasInstanceState Opened(bool trial = false)
    {
        Life().Open(Orders.Open("CS1", trial: trial), () => new IssuedAccess(Access, null));
        return _state;
    }

    [Fact]
    public void Opening_makes_the_instance_active_with_the_order_and_issued_access()
    {
        var decision = Life().Open(Orders.Open("CS1"), () => new IssuedAccess(Access, null));

        Assert.Equal(InstanceOutcome.Applied, decision.Outcome);
        Assert.Equal(InstanceStatus.Active, _state.Status);
        Assert.Equal("CS1", _state.OrderId);
        Assert.Same(Access, _state.Access);
        Assert.Equal(Now, _state.OpenedAt);
        Assert.Equal(InstanceAction.Open, Assert.Single(_state.History).Action);
    }

    [Fact]
    public void Opening_again_changes_nothing_and_issues_no_new_access()
    {
        Opened();
        var issued = 0;

        var decision = Life().Open(Orders.Open("CS1"), () => { issued++; return new IssuedAccess(Access with { Password = "other" }, null); });

        Assert.Equal(InstanceOutcome.AlreadyApplied, decision.Outcome);
        Assert.Equal(0, issued);
        Assert.Equal("S3cret!pass", _state.Access!.Password);
        Assert.Single(_state.History);
    }

    [Fact]
    public void An_open_whose_access_is_refused_changes_nothing()
    {
        var decision = Life().Open(Orders.Open("CS1"), () => new IssuedAccess(null, "appInfo.userName is 81 UTF-8 bytes, over the limit of 79"));

        Assert.Equal(InstanceOutcome.Refused, decision.Outcome);
        Assert.Equal("appInfo.userName is 81 UTF-8 bytes, over the limit of 79", decision.Message);
        Assert.False(_state.IsKnown);
        Assert.Null(_state.Buyer);
        Assert.Null(_state.Access);
        Assert.Empty(_state.History);
    }

    [Fact]
    public void A_renewal_moves_the_expiry_once_per_renewal_order()
    {
        Opened();
        var newExpiry = new DateTimeOffset(2027, 12, 31, 23, 59, 59, TimeSpan.Zero);

        var first = Life().Renew(Orders.Renew("R1", newExpiry));
        var repeat = Life().Renew(Orders.Renew("R1", newExpiry.AddYears(5)));

        Assert.Equal(InstanceOutcome.Applied, first.Outcome);
        Assert.Equal(InstanceOutcome.AlreadyApplied, repeat.Outcome);
        Assert.Equal(newExpiry, _state.ExpiresAt);
        Assert.Equal(2, _state.History.Count);
    }

    [Fact]
    public void A_cancelled_renewal_period_moves_the_expiry_earlier()
    {
        Opened();
        Life().Renew(Orders.Renew("R1", new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        var earlier = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Life().Renew(Orders.Renew("R2", earlier, RenewalKind.RenewalPeriodCancelled));

        Assert.Equal(earlier, _state.ExpiresAt);
    }

    [Fact]
    public void Converting_a_trial_makes_the_instance_formal()
    {
        Opened(trial: true);

        Life().Renew(Orders.Renew("R1", Now.AddMonths(1), RenewalKind.TrialToFormal));

        Assert.False(_state.Trial);
    }

    [Fact]
    public void Freezing_twice_is_one_transition()
    {
        Opened();

        var first = Life().Freeze(new FreezeInstance("CS1"));
        var second = Life().Freeze(new FreezeInstance("CS1"));

        Assert.Equal(InstanceOutcome.Applied, first.Outcome);
        Assert.Equal(InstanceOutcome.AlreadyApplied, second.Outcome);
        Assert.Equal(InstanceStatus.Frozen, _state.Status);
        Assert.Equal([InstanceAction.Open, InstanceAction.Freeze], _state.History.Select(t => t.Action));
    }

    [Fact]
    public void Renewing_a_frozen_instance_unfreezes_it()
    {
        Opened();
        Life().Freeze(new FreezeInstance("CS1"));

        Life().Renew(Orders.Renew("R1", Now.AddMonths(1)));

        Assert.Equal(InstanceStatus.Active, _state.Status);
        var renewal = _state.History[^1];
        Assert.Equal((InstanceStatus?)InstanceStatus.Frozen, renewal.From);
        Assert.Equal(InstanceStatus.Active, renewal.To);
    }

    [Fact]
    public void Cancelling_a_renewal_period_does_not_unfreeze()
    {
        Opened();
        Life().Freeze(new FreezeInstance("CS1"));

        Life().Renew(Orders.Renew("R1", Now.AddMonths(1), RenewalKind.RenewalPeriodCancelled));

        Assert.Equal(InstanceStatus.Frozen, _state.Status);
    }

    [Fact]
    public void Pay_per_use_freeze_and_restore_flip_the_status()
    {
        Life().Open(Orders.Open("CS1", ChargingMode.PayPerUse), () => new IssuedAccess(Access, null));

        Life().Freeze(new FreezeInstance(null));
        Assert.Equal(InstanceStatus.Frozen, _state.Status);
        Assert.Equal(InstanceOutcome.Applied, Life().Unfreeze(new UnfreezeInstance(null)).Outcome);
        Assert.Equal(InstanceStatus.Active, _state.Status);
        Assert.Equal(InstanceOutcome.AlreadyApplied, Life().Unfreeze(new UnfreezeInstance(null)).Outcome);
    }

    [Fact]
    public void An_upgrade_applies_once_and_keeps_what_it_does_not_change()
    {
        Opened();

        var first = Life().Upgrade(new UpgradeInstance("U1", "p-2", null, new Quantities(null, 100, null)));
        var repeat = Life().Upgrade(new UpgradeInstance("U1", "p-3", "sku-x", new Quantities(1, 1, 1)));

        Assert.Equal(InstanceOutcome.Applied, first.Outcome);
        Assert.Equal(InstanceOutcome.AlreadyApplied, repeat.Outcome);
        Assert.Equal("p-2", _state.Plan!.ProductId);
        Assert.Equal("sku-basic", _state.Plan.SkuCode);
        Assert.Equal(new Quantities(5, 100, null), _state.Plan.Quantities);
    }

    [Fact]
    public void Release_is_idempotent_and_forgets_buyer_data()
    {
        Opened();

        var first = Life().Release(new ReleaseInstance("CS1", null));
        var again = Life().Release(new ReleaseInstance("CS1", null));

        Assert.Equal(InstanceOutcome.Applied, first.Outcome);
        Assert.Equal(InstanceOutcome.AlreadyApplied, again.Outcome);
        Assert.Equal(InstanceStatus.Released, _state.Status);
        Assert.Null(_state.Access!.Password);
        Assert.Null(_state.Buyer!.MobilePhone);
        Assert.Null(_state.Buyer.Email);
        Assert.Empty(_state.ExtendParams);
        Assert.Equal(InstanceAction.Release, _state.History[^1].Action);
    }

    [Fact]
    public void A_released_instance_refuses_every_change()
    {
        Opened();
        Life().Release(new ReleaseInstance("CS1", null));
        var historyBefore = _state.History.Count;

        Assert.Equal(InstanceOutcome.Released, Life().Renew(Orders.Renew("R1", Now.AddYears(1))).Outcome);
        Assert.Equal(InstanceOutcome.Released, Life().Freeze(new FreezeInstance(null)).Outcome);
        Assert.Equal(InstanceOutcome.Released, Life().Unfreeze(new UnfreezeInstance(null)).Outcome);
        Assert.Equal(InstanceOutcome.Released, Life().Upgrade(Orders.Upgrade("U1")).Outcome);
        Assert.Equal(InstanceStatus.Released, _state.Status);
        Assert.Equal(historyBefore, _state.History.Count);
    }

    [Fact]
    public void Commands_on_an_instance_never_opened_answer_not_found_and_change_nothing()
    {
        Assert.Equal(InstanceOutcome.NotFound, Life().Renew(Orders.Renew("R1", Now)).Outcome);
        Assert.Equal(InstanceOutcome.NotFound, Life().Freeze(new FreezeInstance(null)).Outcome);
        Assert.Equal(InstanceOutcome.NotFound, Life().Unfreeze(new UnfreezeInstance(null)).Outcome);
        Assert.Equal(InstanceOutcome.NotFound, Life().Release(new ReleaseInstance(null, null)).Outcome);
        Assert.Equal(InstanceOutcome.NotFound, Life().Upgrade(Orders.Upgrade("U1")).Outcome);
        Assert.False(_state.IsOpened);
        Assert.Empty(_state.History);
        Assert.Empty(_state.AppliedOrders);
    }

    [Fact]
    public void Every_transition_is_recorded_with_its_order_and_time()
    {
        Opened();
        var later = Now.AddDays(30);
        Life(later).Freeze(new FreezeInstance("CS1"));
        Life(later.AddDays(1)).Renew(Orders.Renew("R1", later.AddMonths(1)));
        Life(later.AddDays(2)).Upgrade(Orders.Upgrade("U1"));
        Life(later.AddDays(3)).Release(new ReleaseInstance("CS1", null));

        Assert.Equal(
            [InstanceAction.Open, InstanceAction.Freeze, InstanceAction.Renew, InstanceAction.Upgrade, InstanceAction.Release],
            _state.History.Select(t => t.Action));
        Assert.Equal(["CS1", "CS1", "R1", "U1", "CS1"], _state.History.Select(t => t.OrderId));
        Assert.Equal(later.AddDays(3), _state.History[^1].At);
        Assert.Equal(InstanceStatus.Released, _state.History[^1].To);
    }

    [Fact]
    public void Provisioning_then_opening_records_both_steps()
    {
        Assert.Equal(InstanceOutcome.Applied, Life().StartProvisioning(new ProvisionInstance("CS1", "CS1-000001", TimeSpan.Zero)).Outcome);
        Assert.Equal(InstanceOutcome.InProgress, Life().StartProvisioning(new ProvisionInstance("CS1", "CS1-000001", TimeSpan.Zero)).Outcome);
        Assert.Equal(InstanceOutcome.InProgress, Life().Renew(Orders.Renew("R1", Now)).Outcome);

        Life().Open(Orders.Open("CS1"), () => new IssuedAccess(Access, null));

        Assert.Equal(InstanceStatus.Active, _state.Status);
        Assert.Equal((InstanceStatus?)InstanceStatus.Provisioning, _state.History[^1].From);
        Assert.Equal([InstanceAction.Provision, InstanceAction.Open], _state.History.Select(t => t.Action));
    }

    [Fact]
    public void An_instance_released_while_provisioning_cannot_open_any_more()
    {
        Life().StartProvisioning(new ProvisionInstance("CS1", "CS1-000001", TimeSpan.Zero));

        Assert.Equal(InstanceOutcome.Applied, Life().Release(new ReleaseInstance("CS1", null)).Outcome);
        Assert.Equal(InstanceOutcome.Released, Life().Open(Orders.Open("CS1"), () => new IssuedAccess(Access, null)).Outcome);
        Assert.Equal(InstanceOutcome.Released, Life().StartProvisioning(new ProvisionInstance("CS1", "CS1-000001", TimeSpan.Zero)).Outcome);
        Assert.Null(_state.Access);
    }
}
