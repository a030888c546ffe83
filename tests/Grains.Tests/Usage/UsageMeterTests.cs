using Provisioning.Grains.Instances;
using Provisioning.Grains.Usage;

namespace Provisioning.Grains.Tests.Usage;

public sealed class UsageMeterTests
{
    private static readonly DateTimeOffset Ten = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan CloseDelay = TimeSpan.FromMinutes(5);

    private static UsageEvent At(DateTimeOffset time, decimal quantity, string? package = null) => new(Guid.NewGuid().ToString(), quantity, time, package);

    [Fact]
    public void An_hour_is_staged_only_once_it_has_closed_and_its_delay_has_passed()
    {
        var meter = new UsageMeter("i-1");
        meter.Add(At(Ten.AddMinutes(10), 2));
        meter.Add(At(Ten.AddMinutes(59), 3));

        Assert.Empty(meter.Close(Ten.AddHours(1).AddMinutes(4), CloseDelay, "p"));
        var record = Assert.Single(meter.Close(Ten.AddHours(1).AddMinutes(5), CloseDelay, "p"));

        Assert.Equal((Ten, Ten.AddHours(1), 5m, 0, "p"), (record.HourStart, record.HourEnd, record.Value, record.Sequence, record.ProductId));
        Assert.Equal(MeteringSn.Of("i-1", null, Ten, 0), record.MeteringSn);
    }

    [Fact]
    public void Usage_arriving_after_its_hour_was_staged_becomes_a_correction_record_for_that_hour()
    {
        var meter = new UsageMeter("i-1");
        meter.Add(At(Ten.AddMinutes(10), 2));
        var now = Ten.AddHours(3);
        meter.Staged(meter.Close(now, CloseDelay, "p"));
        Assert.False(meter.HasUnstaged);

        meter.Add(At(Ten.AddMinutes(30), 0.5m));
        var correction = Assert.Single(meter.Close(now, CloseDelay, "p"));

        Assert.Equal((Ten, 0.5m, 1, true), (correction.HourStart, correction.Value, correction.Sequence, correction.IsCorrection));
        Assert.NotEqual(MeteringSn.Of("i-1", null, Ten, 0), correction.MeteringSn);
    }

    [Fact]
    public void Packages_and_hours_are_metered_apart()
    {
        var meter = new UsageMeter("i-1");
        meter.Add(At(Ten.AddMinutes(1), 1, "pkg-a"));
        meter.Add(At(Ten.AddMinutes(2), 2, "pkg-b"));
        meter.Add(At(Ten.AddMinutes(61), 4, "pkg-a"));

        var records = meter.Close(Ten.AddHours(5), CloseDelay, "p");

        Assert.Equal([("pkg-a", Ten, 1m), ("pkg-b", Ten, 2m), ("pkg-a", Ten.AddHours(1), 4m)], records.Select(r => (r.Package!, r.HourStart, r.Value)));
        Assert.Equal(3, records.Select(r => r.MeteringSn).Distinct().Count());
        Assert.Equal([("pkg-a", 5m), ("pkg-b", 2m)], meter.Totals(ChargingMode.PayPerUsePackage, Ten).Select(t => (t.Package!, t.Quantity)));
    }

    [Fact]
    public void An_hour_above_what_one_record_may_carry_is_split_across_records()
    {
        var meter = new UsageMeter("i-1");
        meter.Add(At(Ten, UsageEventRulesLimit));
        meter.Add(At(Ten, UsageEventRulesLimit));
        meter.Add(At(Ten, 1));

        var records = meter.Close(Ten.AddHours(2), CloseDelay, "p");

        Assert.Equal([0, 1, 2], records.Select(r => r.Sequence));
        Assert.Equal(2 * UsageEventRulesLimit + 1, records.Sum(r => r.Value));
        Assert.All(records, r => Assert.True(r.Value <= UsageEventRulesLimit));
    }

    [Fact]
    public void A_meter_reloaded_from_the_ledger_goes_on_where_it_stopped()
    {
        var meter = new UsageMeter("i-1");
        meter.Load([new HourUsage(null, Ten, 5, 2, 3, 1)]);

        var record = Assert.Single(meter.Close(Ten.AddHours(2), CloseDelay, "p"));

        Assert.Equal((2m, 1), (record.Value, record.Sequence));
    }

    [Fact]
    public void Plain_pay_per_use_reports_zero_before_any_usage()
    {
        var total = Assert.Single(new UsageMeter("i-1").Totals(ChargingMode.PayPerUse, Ten));

        Assert.Equal((null, 0m, Ten), (total.Package, total.Quantity, total.StatisticalTime));
    }

    private const decimal UsageEventRulesLimit = UsageEventRules.MaxRecordValue;
}
