using Provisioning.Grains.Instances;
using Provisioning.Grains.Usage;

namespace Provisioning.Grains.Tests.Usage;

public sealed class UsageRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 30, 0, TimeSpan.Zero);
    private static readonly UsageOptions Options = new();

    private static InstanceTransition Went(int minutesAgo, InstanceStatus? from, InstanceStatus to) =>
        new(Now.AddMinutes(-minutesAgo), InstanceAction.Open, null, from, to, null);

    [Fact]
    public void Active_periods_follow_freezes_unfreezes_and_the_release()
    {
        var periods = UsagePeriods.Of([
            Went(100, null, InstanceStatus.Active),
            Went(80, InstanceStatus.Active, InstanceStatus.Frozen),
            Went(60, InstanceStatus.Frozen, InstanceStatus.Active),
            Went(60, InstanceStatus.Active, InstanceStatus.Active),
            Went(10, InstanceStatus.Active, InstanceStatus.Released),
        ]);

        Assert.Equal([new ActivePeriod(Now.AddMinutes(-100), Now.AddMinutes(-80)), new ActivePeriod(Now.AddMinutes(-60), Now.AddMinutes(-10))], periods);
    }

    [Fact]
    public void An_instance_still_active_has_an_open_period()
    {
        var terms = new UsageTerms(ChargingMode.PayPerUse, "p", UsagePeriods.Of([Went(5, InstanceStatus.Provisioning, InstanceStatus.Active)]));

        Assert.False(terms.WasActiveAt(Now.AddMinutes(-6)));
        Assert.True(terms.WasActiveAt(Now.AddMinutes(-5)));
        Assert.True(terms.WasActiveAt(Now.AddDays(1)));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(-30, null)]
    [InlineData(4, null)]
    [InlineData(6, "in the future")]
    public void Events_may_claim_a_time_slightly_ahead_of_ours_but_not_more(int minutesAhead, string? problem)
    {
        var terms = new UsageTerms(ChargingMode.PayPerUse, "p", [new ActivePeriod(Now.AddDays(-30), null)]);
        var usage = new UsageEvent("e", 1, Now.AddMinutes(minutesAhead), null);

        var found = UsageEventRules.Problem(usage, "i", terms, Now, Options);

        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found);
    }

    [Fact]
    public void The_oldest_hour_accepted_leaves_an_hour_to_push_it_within_the_marketplace_window()
    {
        var terms = new UsageTerms(ChargingMode.PayPerUse, "p", [new ActivePeriod(Now.AddDays(-30), null)]);
        var oldest = UsageHours.Start(Now) - Options.MaxEventAge + TimeSpan.FromHours(1);

        Assert.Null(UsageEventRules.Problem(new UsageEvent("e", 1, oldest, null), "i", terms, Now, Options));
        Assert.Contains("too old", UsageEventRules.Problem(new UsageEvent("e", 1, oldest.AddHours(-1), null), "i", terms, Now, Options));
        Assert.True(oldest > Now - TimeSpan.FromDays(21));
    }

    [Fact]
    public void A_package_instance_needs_the_package_named()
    {
        var terms = new UsageTerms(ChargingMode.PayPerUsePackage, "p", [new ActivePeriod(Now.AddDays(-1), null)]);

        Assert.Contains("name the package", UsageEventRules.Problem(new UsageEvent("e", 1, Now, null), "i", terms, Now, Options));
        Assert.Null(UsageEventRules.Problem(new UsageEvent("e", 1, Now, "pkg"), "i", terms, Now, Options));
    }

    [Fact]
    public void Metering_sns_are_stable_and_differ_for_every_part_of_their_name()
    {
        var hour = UsageHours.Start(Now);
        var sn = MeteringSn.Of("i", null, hour, 0);

        Assert.Equal(sn, MeteringSn.Of("i", null, hour, 0));
        Assert.Equal(32, sn.Length);
        Assert.Equal(5, new[] { sn, MeteringSn.Of("j", null, hour, 0), MeteringSn.Of("i", "p", hour, 0), MeteringSn.Of("i", null, hour.AddHours(1), 0), MeteringSn.Of("i", null, hour, 1) }.Distinct().Count());
    }

    [Fact]
    public void Retries_back_off_exponentially_up_to_the_limit()
    {
        var options = new UsageOptions { RetryDelay = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromMinutes(10) };

        Assert.Equal([1, 2, 4, 8, 10, 10], new[] { 0, 1, 2, 3, 4, 30 }.Select(a => (options.NextAttempt(Now, a) - Now).TotalMinutes));
    }
}
