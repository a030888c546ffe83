using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;
using Provisioning.Testing;
using static Provisioning.Testing.ScriptedActivationCodes;

namespace Provisioning.Grains.Tests.Licenses;

[Collection(ActivationCodeCollection.Name)]
public sealed class ActivationCodeGrainTests(ActivationCodeCluster cluster)
{
    private static DateTimeOffset Now => ActivationCodeCluster.Clock.GetUtcNow();

    private IActivationCodeGrain Code(string code, Traffic traffic = Traffic.Live) => cluster.Grains.GetActivationCode(new ActivationCodeAddress(code, traffic));

    private static RenewCode Renewal(string orderId, DateTimeOffset expiresAt, bool cancels = false) => new(orderId, orderId + "-000001", expiresAt, cancels, null);

    private async Task<string> Activated(DateTimeOffset? expiresAt = null)
    {
        var code = NewCode();
        var expiry = expiresAt ?? Now.AddDays(300);
        ScriptQuery(code, () => Alive(expiry));
        Assert.True((await Code(code).Activate(new ActivateCode(null))).MayRun);
        return code;
    }

    [Fact]
    public async Task Activation_asks_the_marketplace_once_and_takes_the_query_expiry_over_the_estimate()
    {
        var code = NewCode();
        var (estimate, queried) = (Now.AddDays(30).AddSeconds(1), Now.AddDays(365));
        ScriptActivation(code, () => Alive(estimate));
        ScriptQuery(code, () => Alive(queried));

        var first = await Code(code).Activate(new ActivateCode(null));
        var again = await Code(code).Activate(new ActivateCode(null));

        Assert.True(first.MayRun);
        Assert.Equal(CodeState.Active, first.State);
        Assert.Equal(queried, first.ExpiresAt);
        Assert.Equal(("00301-123456-0--0", "CS2403171442ABCDE", 2), (first.ProductId, first.OrderId, first.Amount));
        Assert.Equal(first, again);
        Assert.Equal(1, ActivationsOf(code));
        Assert.Equal(1, QueriesOf(code));
    }

    [Fact]
    public async Task A_code_already_activated_elsewhere_is_active_when_the_query_says_alive()
    {
        var code = NewCode();
        ScriptActivation(code, () => Answer(CodeCheckOutcome.AlreadyActivated, "92020003"));
        ScriptQuery(code, () => Alive(Now.AddDays(100)));

        var standing = await Code(code).Activate(new ActivateCode(null));

        Assert.True(standing.MayRun);
        Assert.Equal(CodeState.Active, standing.State);
    }

    [Theory]
    [InlineData(CodeCheckOutcome.NotClaimed, "92020004", CodeProblem.NotClaimed, "买家中心 > 服务监管")]
    [InlineData(CodeCheckOutcome.NotFound, "92020005", CodeProblem.NotFound, "no such code")]
    [InlineData(CodeCheckOutcome.Unavailable, "", CodeProblem.Unavailable, "try again later")]
    [InlineData(CodeCheckOutcome.Refused, "APIGW.0303", CodeProblem.Refused, "seller must check")]
    public async Task A_failed_activation_names_the_problem_and_leaves_the_code_unknown(
        CodeCheckOutcome outcome, string resultCode, CodeProblem problem, string message)
    {
        var code = NewCode();
        ScriptActivation(code, () => Answer(outcome, resultCode));

        var standing = await Code(code).Activate(new ActivateCode(null));

        Assert.False(standing.MayRun);
        Assert.Equal(problem, standing.Problem);
        Assert.Contains(message, standing.Message);
        Assert.Equal(CodeOutcome.NotFound, (await Code(code).Freeze()).Outcome);

        // Nothing was kept: the next attempt asks the marketplace again.
        ScriptActivation(code, () => Alive(Now.AddDays(10)));
        Assert.True((await Code(code).Activate(new ActivateCode(null))).MayRun);
        Assert.Equal(2, ActivationsOf(code));
    }

    [Fact]
    public async Task The_standing_is_checked_with_the_marketplace_at_most_once_per_UTC_day()
    {
        var code = await Activated();

        for (var i = 0; i < 3; i++) Assert.True((await Code(code).GetStanding()).MayRun);
        Assert.Equal(1, QueriesOf(code));

        ActivationCodeCluster.Clock.Advance(TimeSpan.FromDays(1));
        await Code(code).GetStanding();
        await Code(code).GetStanding();
        Assert.Equal(2, QueriesOf(code));
    }

    [Fact]
    public async Task A_renewal_callback_makes_the_next_standing_ask_again_and_sets_the_expiry_it_carries()
    {
        var code = await Activated(Now.AddDays(300));
        var renewed = Now.AddDays(700);

        Assert.Equal(CodeOutcome.Applied, (await Code(code).Renew(Renewal("CS-R1", renewed))).Outcome);
        Assert.Equal(CodeOutcome.AlreadyApplied, (await Code(code).Renew(Renewal("CS-R1", renewed.AddDays(1)))).Outcome);
        ScriptQuery(code, () => Alive(renewed));
        var standing = await Code(code).GetStanding();

        Assert.Equal(renewed, standing.ExpiresAt);
        Assert.Equal(2, QueriesOf(code));
    }

    [Fact]
    public async Task Without_the_marketplace_the_code_runs_for_the_offline_grace_from_the_last_good_check_and_then_stops()
    {
        var code = await Activated(Now.AddDays(300));
        var confirmed = (await Code(code).GetStanding()).LastCheckedAt!.Value;
        ScriptQuery(code, Unreachable);

        ActivationCodeCluster.Clock.Advance(TimeSpan.FromDays(3));
        var offline = await Code(code).GetStanding();
        Assert.True(offline.MayRun);
        Assert.Equal(confirmed + TimeSpan.FromDays(7), offline.OfflineUntil);
        Assert.Equal(confirmed, offline.LastCheckedAt);

        ActivationCodeCluster.Clock.Advance(TimeSpan.FromDays(5));
        var over = await Code(code).GetStanding();
        Assert.False(over.MayRun);
        Assert.Contains("connect to the internet", over.Message);
    }

    [Fact]
    public async Task The_offline_grace_ends_at_the_cached_expiry()
    {
        var code = await Activated(Now.AddDays(1));
        ScriptQuery(code, Unreachable);

        ActivationCodeCluster.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var standing = await Code(code).GetStanding();

        Assert.False(standing.MayRun);
        Assert.Equal(CodeState.Expired, standing.State);
    }

    [Theory]
    [InlineData(CodeCheckOutcome.Expired, CodeState.Expired)]
    [InlineData(CodeCheckOutcome.Released, CodeState.Released)]
    public async Task A_query_saying_expired_or_released_blocks_at_once(CodeCheckOutcome outcome, CodeState state)
    {
        var code = await Activated();
        ScriptQuery(code, () => Answer(outcome, "92020000"));

        ActivationCodeCluster.Clock.Advance(TimeSpan.FromDays(1));
        var standing = await Code(code).GetStanding();

        Assert.False(standing.MayRun);
        Assert.Equal(state, standing.State);
    }

    [Fact]
    public async Task Freeze_then_renewal_lets_the_software_run_and_the_late_unfreeze_is_a_no_op()
    {
        var code = await Activated(Now.AddDays(300));

        Assert.Equal(CodeOutcome.Applied, (await Code(code).Freeze()).Outcome);
        Assert.Equal(CodeOutcome.AlreadyApplied, (await Code(code).Freeze()).Outcome);
        var frozen = await Code(code).GetStanding();
        Assert.False(frozen.MayRun);
        Assert.Equal(CodeState.Frozen, frozen.State);

        Assert.Equal(CodeOutcome.Applied, (await Code(code).Renew(Renewal("CS-R2", Now.AddDays(400)))).Outcome);
        Assert.Equal(CodeOutcome.AlreadyApplied, (await Code(code).Unfreeze()).Outcome);
        Assert.True((await Code(code).GetStanding()).MayRun);
    }

    [Fact]
    public async Task Renewal_then_a_stale_freeze_keeps_the_software_running()
    {
        var code = await Activated(Now.AddDays(300));
        await Code(code).Renew(Renewal("CS-R3", Now.AddDays(400)));

        var freeze = await Code(code).Freeze();

        Assert.Equal(CodeOutcome.AlreadyApplied, freeze.Outcome);
        Assert.True((await Code(code).GetStanding()).MayRun);
    }

    [Fact]
    public async Task Release_is_terminal_and_answers_the_same_when_repeated()
    {
        var code = await Activated();

        Assert.Equal(CodeOutcome.Applied, (await Code(code).Release(new ReleaseCode("CS-UNSUB"))).Outcome);
        Assert.Equal(CodeOutcome.AlreadyApplied, (await Code(code).Release(new ReleaseCode("CS-UNSUB"))).Outcome);
        Assert.Equal(CodeOutcome.Released, (await Code(code).Renew(Renewal("CS-R4", Now.AddDays(30)))).Outcome);

        var standing = await Code(code).Activate(new ActivateCode(null));
        Assert.False(standing.MayRun);
        Assert.Equal(CodeState.Released, standing.State);
        Assert.Equal(1, ActivationsOf(code));
        Assert.Equal(CodeUsageOutcome.NotActive, (await Code(code).ReportUsage(new ReportCodeUsage(["u-1"], null))).Outcome);
        Assert.Empty(UsageOf(code));
    }

    [Fact]
    public async Task Release_of_a_code_never_seen_succeeds_and_other_callbacks_do_not_find_it()
    {
        var code = NewCode();

        Assert.Equal(CodeOutcome.AlreadyApplied, (await Code(code).Release(new ReleaseCode(null))).Outcome);
        Assert.Equal(CodeOutcome.NotFound, (await Code(code).Renew(Renewal("CS-R5", Now.AddDays(30)))).Outcome);
        Assert.Equal(CodeOutcome.NotFound, (await Code(code).Unfreeze()).Outcome);
        Assert.Equal(CodeOutcome.AcceptedForTest, (await Code(code, Traffic.Test).Unfreeze()).Outcome);
    }

    [Fact]
    public async Task Test_traffic_never_reaches_the_live_code()
    {
        var code = await Activated();

        Assert.Equal(CodeOutcome.AcceptedForTest, (await Code(code, Traffic.Test).Freeze()).Outcome);
        Assert.Equal(CodeOutcome.AlreadyApplied, (await Code(code, Traffic.Test).Release(new ReleaseCode(null))).Outcome);

        Assert.True((await Code(code).GetStanding()).MayRun);
    }

    [Fact]
    public async Task Usage_of_an_active_code_is_forwarded_as_reported()
    {
        var code = await Activated();

        var reply = await Code(code).ReportUsage(new ReportCodeUsage(["user-001", "user-002"], null));

        Assert.Equal(CodeUsageOutcome.Accepted, reply.Outcome);
        var sent = Assert.Single(UsageOf(code));
        Assert.Equal(["user-001", "user-002"], sent.UserIds);
        Assert.Null(sent.ActiveCount);
    }

    [Theory]
    [InlineData(true, false, new string[0], CodeUsageOutcome.Accepted)]
    [InlineData(true, false, new[] { "self" }, CodeUsageOutcome.Rejected)]
    [InlineData(false, true, new string[0], CodeUsageOutcome.Unavailable)]
    [InlineData(false, false, new string[0], CodeUsageOutcome.Rejected)]
    public async Task The_marketplace_answer_to_a_usage_report_is_passed_on(bool accepted, bool transient, string[] rejected, CodeUsageOutcome outcome)
    {
        var code = await Activated();
        ScriptUsage(code, () => new UsageReportResult(accepted, transient, "x", "marketplace said x", [.. rejected.Select(r => r == "self" ? code : r)]));

        var reply = await Code(code).ReportUsage(new ReportCodeUsage([], 5));

        Assert.Equal(outcome, reply.Outcome);
        Assert.Equal(5, Assert.Single(UsageOf(code)).ActiveCount);
    }
}
