using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;

namespace Provisioning.Grains.Tests.Licenses;

public sealed class ActivationCodeLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromDays(7);

    private readonly ActivationCodeState _state = new();

    private ActivationCodeLifecycle Life(DateTimeOffset? at = null, Traffic traffic = Traffic.Live) =>
        new(_state, new ActivationCodeAddress("PL12345678", traffic), at ?? Now);

    private static CodeCheck Alive(DateTimeOffset expiresAt) => new(CodeCheckOutcome.Alive, "92020000", "success", expiresAt, Now, "p-1", "CS1", 2);

    private void Activated(DateTimeOffset? expiresAt = null) => Life().Activated(Alive(expiresAt ?? Now.AddDays(30)));

    private static RenewCode Renewal(string orderId, DateTimeOffset expiresAt, bool cancels = false) => new(orderId, orderId + "-000001", expiresAt, cancels, null);

    [Fact]
    public void Activation_makes_the_code_active_with_what_the_marketplace_said()
    {
        Activated(Now.AddDays(30));

        var standing = Life().Standing(Grace);
        Assert.Equal(CodeState.Active, standing.State);
        Assert.True(standing.MayRun);
        Assert.Equal(Now.AddDays(30), standing.ExpiresAt);
        Assert.Equal(("p-1", "CS1", 2), (standing.ProductId, standing.OrderId, standing.Amount));
        Assert.Equal(Now, standing.LastCheckedAt);
        Assert.Equal(Now.AddDays(7), standing.OfflineUntil);
    }

    [Fact]
    public void A_query_replaces_the_activation_estimate_of_the_expiry()
    {
        Activated(Now.AddDays(30));

        Life().Checked(Alive(Now.AddDays(365)));

        Assert.Equal(Now.AddDays(365), _state.ExpiresAt);
    }

    [Fact]
    public void A_renewal_sets_the_expiry_it_carries_and_applies_once_per_order()
    {
        Activated(Now.AddDays(30));

        Assert.Equal(CodeOutcome.Applied, Life().Renew(Renewal("CS2", Now.AddDays(60))).Outcome);
        Assert.Equal(CodeOutcome.AlreadyApplied, Life().Renew(Renewal("CS2", Now.AddDays(90))).Outcome);

        Assert.Equal(Now.AddDays(60), _state.ExpiresAt);
    }

    [Fact]
    public void A_cancelled_renewal_period_moves_the_expiry_earlier()
    {
        Activated(Now.AddDays(30));
        Life().Renew(Renewal("CS2", Now.AddDays(60)));

        Life().Renew(Renewal("CS3", Now.AddDays(30), cancels: true));

        Assert.Equal(Now.AddDays(30), _state.ExpiresAt);
    }

    [Fact]
    public void A_renewal_makes_the_next_check_due_even_on_a_day_already_checked()
    {
        Activated();
        Life().Checked(Alive(Now.AddDays(30)));
        Assert.False(Life().CheckDue);

        Life().Renew(Renewal("CS2", Now.AddDays(60)));

        Assert.True(Life().CheckDue);
    }

    [Fact]
    public void A_check_is_due_once_per_UTC_day()
    {
        Activated();
        Life().Checked(Alive(Now.AddDays(30)));

        Assert.False(Life(new DateTimeOffset(2026, 6, 1, 23, 59, 59, TimeSpan.Zero)).CheckDue);
        Assert.True(Life(new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero)).CheckDue);
    }

    [Fact]
    public void Freeze_then_renewal_into_the_future_makes_the_code_active_again()
    {
        Activated(Now.AddDays(-1));
        Assert.Equal(CodeOutcome.Applied, Life().Freeze().Outcome);

        Life().Renew(Renewal("CS2", Now.AddDays(30)));

        Assert.Equal(ActivationCodeStatus.Active, _state.Status);
        Assert.Equal(CodeOutcome.AlreadyApplied, Life().Unfreeze().Outcome);
        Assert.True(Life().Standing(Grace).MayRun);
    }

    [Fact]
    public void Freeze_then_a_renewal_that_is_already_over_stays_frozen()
    {
        Activated(Now.AddDays(-10));
        Life().Freeze();

        Life().Renew(Renewal("CS2", Now.AddDays(-1)));

        Assert.Equal(CodeState.Frozen, Life().Standing(Grace).State);
    }

    [Fact]
    public void Renewal_then_a_late_freeze_is_out_of_date_while_the_renewal_runs()
    {
        Activated(Now.AddDays(-1));
        Life().Renew(Renewal("CS2", Now.AddDays(30)));

        var freeze = Life().Freeze();

        Assert.Equal(CodeOutcome.AlreadyApplied, freeze.Outcome);
        Assert.Contains("out of date", freeze.Message);
        Assert.Equal(ActivationCodeStatus.Active, _state.Status);
    }

    [Fact]
    public void Renewal_then_a_freeze_after_the_renewed_expiry_has_passed_wins()
    {
        Activated(Now.AddDays(-1));
        Life().Renew(Renewal("CS2", Now.AddDays(30)));

        Assert.Equal(CodeOutcome.Applied, Life(Now.AddDays(31)).Freeze().Outcome);

        Assert.Equal(CodeState.Frozen, Life(Now.AddDays(31)).Standing(Grace).State);
    }

    [Fact]
    public void A_freeze_without_any_renewal_wins_and_unfreeze_undoes_it()
    {
        Activated(Now.AddDays(30));

        Assert.Equal(CodeOutcome.Applied, Life().Freeze().Outcome);
        Assert.Equal(CodeOutcome.AlreadyApplied, Life().Freeze().Outcome);
        Assert.False(Life().Standing(Grace).MayRun);

        Assert.Equal(CodeOutcome.Applied, Life().Unfreeze().Outcome);
        Assert.True(Life().Standing(Grace).MayRun);
        Assert.True(Life().CheckDue);
    }

    [Fact]
    public void Release_is_terminal_and_repeats_succeed()
    {
        Activated();

        Assert.Equal(CodeOutcome.Applied, Life().Release(new ReleaseCode("CS9")).Outcome);
        Assert.Equal(CodeOutcome.AlreadyApplied, Life().Release(new ReleaseCode("CS9")).Outcome);

        Assert.Equal(CodeOutcome.Released, Life().Renew(Renewal("CS2", Now.AddDays(30))).Outcome);
        Assert.Equal(CodeOutcome.Released, Life().Unfreeze().Outcome);
        Assert.Equal(CodeState.Released, Life().Standing(Grace).State);
        Assert.False(Life().NeedsActivation);
        Assert.False(Life().CheckDue);
    }

    [Fact]
    public void Callbacks_for_a_code_never_seen_are_not_found_except_a_release()
    {
        Assert.Equal(CodeOutcome.NotFound, Life().Renew(Renewal("CS2", Now.AddDays(30))).Outcome);
        Assert.Equal(CodeOutcome.NotFound, Life().Freeze().Outcome);
        Assert.Equal(CodeOutcome.NotFound, Life().Unfreeze().Outcome);
        Assert.Equal(CodeOutcome.AlreadyApplied, Life().Release(new ReleaseCode(null)).Outcome);
        Assert.Equal(ActivationCodeStatus.Unknown, _state.Status);
        Assert.Empty(_state.AppliedOrders);
    }

    [Fact]
    public void Test_callbacks_for_a_code_never_seen_are_accepted_and_change_nothing()
    {
        Assert.Equal(CodeOutcome.AcceptedForTest, Life(traffic: Traffic.Test).Renew(Renewal("CS2", Now.AddDays(30))).Outcome);
        Assert.Equal(CodeOutcome.AcceptedForTest, Life(traffic: Traffic.Test).Freeze().Outcome);
        Assert.Equal(ActivationCodeStatus.Unknown, _state.Status);
        Assert.Empty(_state.AppliedOrders);
    }

    [Fact]
    public void Without_an_answer_the_code_runs_offline_for_the_grace_period_from_the_last_good_check()
    {
        Activated(Now.AddDays(30));
        var later = Now.AddDays(3);
        Life(later).Checked(new CodeCheck(CodeCheckOutcome.Unavailable, "", "no answer"));

        var offline = Life(later).Standing(Grace);
        Assert.True(offline.MayRun);
        Assert.Equal(Now.AddDays(7), offline.OfflineUntil);
        Assert.Contains("offline", offline.Message);

        var over = Life(Now.AddDays(7)).Standing(Grace);
        Assert.False(over.MayRun);
        Assert.Equal(CodeState.Active, over.State);
    }

    [Fact]
    public void The_offline_grace_never_runs_beyond_the_cached_expiry()
    {
        Activated(Now.AddDays(2));

        Assert.Equal(Now.AddDays(2), Life().Standing(Grace).OfflineUntil);
        var expired = Life(Now.AddDays(2)).Standing(Grace);
        Assert.False(expired.MayRun);
        Assert.Equal(CodeState.Expired, expired.State);
        Assert.Contains("renew it on Huawei Cloud KooGallery", expired.Message);
    }

    [Theory]
    [InlineData(CodeCheckOutcome.Expired, CodeState.Expired)]
    [InlineData(CodeCheckOutcome.Released, CodeState.Released)]
    [InlineData(CodeCheckOutcome.NotActivated, CodeState.NotActivated)]
    [InlineData(CodeCheckOutcome.NotFound, CodeState.Invalid)]
    public void A_query_that_blocks_blocks_at_once(CodeCheckOutcome outcome, CodeState blocked)
    {
        Activated(Now.AddDays(30));

        Life().Checked(new CodeCheck(outcome, "92020000", "x"));

        var standing = Life().Standing(Grace);
        Assert.Equal(blocked, standing.State);
        Assert.False(standing.MayRun);
        Assert.Null(standing.OfflineUntil);
    }

    [Fact]
    public void A_renewal_into_the_future_lifts_a_queried_expiry()
    {
        Activated(Now.AddDays(-1));
        Life().Checked(new CodeCheck(CodeCheckOutcome.Expired, "92020000", "expired"));

        Life().Renew(Renewal("CS2", Now.AddDays(30)));

        Assert.True(Life().Standing(Grace).MayRun);
    }

    [Fact]
    public void A_code_the_marketplace_says_is_not_activated_must_be_activated_again()
    {
        Activated();

        Life().Checked(new CodeCheck(CodeCheckOutcome.NotActivated, "92020011", "not activated"));

        Assert.True(Life().NeedsActivation);
    }
}
