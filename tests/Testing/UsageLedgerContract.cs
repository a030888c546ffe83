using Provisioning.Grains.Usage;
using Xunit;

namespace Provisioning.Testing;

/// <summary>The rules every usage ledger keeps (in memory and in PostgreSQL alike); each store runs this suite on a ledger of its own.</summary>
public abstract class UsageLedgerContract
{
    // 07:11:30 UTC: events are put in UTC hours whatever offset they carry.
    private static readonly DateTimeOffset T0 = new(2024, 3, 15, 15, 11, 30, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Hour7 = new(2024, 3, 15, 7, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract Task<IUsageLedger> CreateAsync();

    protected static string NewInstance() => Guid.NewGuid().ToString();

    protected static UsageEvent Event(string id, decimal quantity, DateTimeOffset? at = null, string? package = null) =>
        new(id, quantity, at ?? T0, package);

    protected static MeteringRecord Record(
        string sn, string instance, DateTimeOffset hour, int sequence = 0, decimal value = 1m, string? package = null, DateTimeOffset? dueAt = null) =>
        new(sn, instance, package, hour, sequence, value, "00301-666666-0--0", hour.AddMinutes(70), MeteringRecordStatus.Pending, 0,
            dueAt ?? hour.AddMinutes(70), null, null);

    private static HourUsage Hour(DateTimeOffset hour, decimal quantity, long events, string? package = null, decimal staged = 0m, int records = 0) =>
        new(package, hour, quantity, events, staged, records);

    [Fact]
    public async Task An_event_is_recorded_once_and_its_id_sent_again_is_answered_as_seen()
    {
        var ledger = await CreateAsync();
        var instance = NewInstance();

        Assert.Equal([true, true], await ledger.AppendAsync(instance, [Event("e1", 1m), Event("e2", 2m)], None));
        Assert.Equal([false, true], await ledger.AppendAsync(instance, [Event("e2", 2m), Event("e3", 4m)], None));

        Assert.Equal([Hour(Hour7, 7m, 3)], await ledger.GetHoursAsync(instance, None));
    }

    [Fact]
    public async Task An_event_id_recorded_for_one_instance_is_not_counted_for_another()
    {
        var ledger = await CreateAsync();
        var (first, second) = (NewInstance(), NewInstance());
        await ledger.AppendAsync(first, [Event("shared", 2m)], None);

        Assert.Equal([false], await ledger.AppendAsync(second, [Event("shared", 5m)], None));

        Assert.Equal([Hour(Hour7, 2m, 1)], await ledger.GetHoursAsync(first, None));
        Assert.Empty(await ledger.GetHoursAsync(second, None));
    }

    [Fact]
    public async Task An_id_repeated_in_one_call_is_new_only_the_first_time()
    {
        var ledger = await CreateAsync();
        var instance = NewInstance();

        var recorded = await ledger.AppendAsync(instance, [Event("x", 1m), Event("x", 10m), Event("y", 2m), Event("x", 100m)], None);

        Assert.Equal([true, false, true, false], recorded);
        Assert.Equal([Hour(Hour7, 3m, 2)], await ledger.GetHoursAsync(instance, None));
    }

    [Fact]
    public async Task An_empty_call_records_nothing()
    {
        var ledger = await CreateAsync();
        var instance = NewInstance();

        Assert.Empty(await ledger.AppendAsync(instance, [], None));
        Assert.Empty(await ledger.GetHoursAsync(instance, None));
    }

    [Fact]
    public async Task Totals_are_kept_per_package_and_utc_hour_oldest_first()
    {
        var ledger = await CreateAsync();
        var instance = NewInstance();

        await ledger.AppendAsync(instance, [Event("late", 1m, T0.AddHours(1)), Event("a", 1.5m), Event("b", 2.5m, T0.AddMinutes(48))], None);
        await ledger.AppendAsync(instance, [Event("p2", 4m, package: "pkg-b"), Event("p1", 3m, T0.AddMinutes(-11), package: "pkg-a")], None);
        await ledger.AppendAsync(NewInstance(), [Event("other", 50m)], None);

        var hours = await ledger.GetHoursAsync(instance, None);

        Assert.Equal(
            [Hour(Hour7, 4m, 2), Hour(Hour7, 3m, 1, "pkg-a"), Hour(Hour7, 4m, 1, "pkg-b"), Hour(Hour7.AddHours(1), 1m, 1)],
            hours);
        Assert.All(hours, hour => Assert.Equal(TimeSpan.Zero, hour.HourStart.Offset));
    }

    [Fact]
    public async Task Hours_show_how_much_of_them_has_been_staged()
    {
        var ledger = await CreateAsync();
        var (instance, other) = (NewInstance(), NewInstance());
        await ledger.AppendAsync(instance, [Event("a", 6m), Event("b", 4.25m), Event("c", 2m, T0.AddHours(1)), Event("d", 1m, package: "pkg")], None);

        await ledger.StageAsync([Record("sn-0", instance, Hour7, value: 6m), Record("sn-1", instance, Hour7, sequence: 1, value: 4.25m)], None);
        await ledger.StageAsync([Record("sn-other", other, Hour7, value: 99m), Record("sn-pkg", instance, Hour7, value: 0.5m, package: "pkg")], None);

        var hours = await ledger.GetHoursAsync(instance, None);
        Assert.Equal(
            [Hour(Hour7, 10.25m, 2, staged: 10.25m, records: 2), Hour(Hour7, 1m, 1, "pkg", 0.5m, 1), Hour(Hour7.AddHours(1), 2m, 1)],
            hours);
        Assert.Equal([0m, 0.5m, 2m], hours.Select(h => h.Unstaged));
    }

    [Fact]
    public async Task Staging_an_sn_again_leaves_the_first_record_as_it_is()
    {
        var ledger = await CreateAsync();
        var instance = NewInstance();
        var first = Record("sn-1", instance, Hour7, value: 5m);
        await ledger.StageAsync([first], None);
        await ledger.MarkPushedAsync(["sn-1"], Hour7.AddMinutes(75), None);

        var second = Record("sn-2", instance, Hour7.AddHours(1));
        await ledger.StageAsync([first with { Value = 9m }, second], None);

        Assert.Equal(
            [first with { Status = MeteringRecordStatus.Pushed, PushedAt = Hour7.AddMinutes(75) }, second],
            await ledger.GetRecordsAsync(instance, None));
    }

    [Fact]
    public async Task An_instances_records_come_back_whole_oldest_hour_first()
    {
        var ledger = await CreateAsync();
        var (instance, other) = (NewInstance(), NewInstance());
        var records = new[]
        {
            Record("sn-c", instance, Hour7.AddHours(2), value: 0.0001m, package: "pkg-a"),
            Record("sn-a", instance, Hour7, value: 12.5m),
            Record("sn-b", instance, Hour7.AddHours(1), sequence: 1, value: 3m),
        };

        await ledger.StageAsync(records, None);
        await ledger.StageAsync([Record("sn-x", other, Hour7)], None);

        Assert.Equal([records[1], records[2], records[0]], await ledger.GetRecordsAsync(instance, None));
    }

    [Fact]
    public async Task Due_records_are_the_pending_ones_whose_time_has_come_oldest_hour_first_up_to_the_limit()
    {
        var ledger = await CreateAsync();
        var now = Hour7.AddHours(5);
        var (a, b) = (NewInstance(), NewInstance());
        await ledger.StageAsync(
        [
            Record("h3", a, Hour7.AddHours(3)), Record("h1", b, Hour7.AddHours(1)), Record("h2", a, Hour7.AddHours(2), dueAt: now),
            Record("later", a, Hour7, dueAt: now.AddSeconds(1)), Record("pushed", b, Hour7), Record("dead", b, Hour7),
        ], None);
        await ledger.MarkPushedAsync(["pushed"], now, None);
        await ledger.DeadLetterAsync(["dead"], "MKT.9004", None);

        Assert.Equal(["h1", "h2", "h3"], (await ledger.GetDueAsync(now, 10, None)).Select(r => r.MeteringSn));
        Assert.Equal(["h1", "h2"], (await ledger.GetDueAsync(now, 2, None)).Select(r => r.MeteringSn));
        Assert.Equal(["later", "h1", "h2", "h3"], (await ledger.GetDueAsync(now.AddSeconds(1), 10, None)).Select(r => r.MeteringSn));
    }

    [Fact]
    public async Task Pushed_records_say_when_and_are_no_longer_due()
    {
        var ledger = await CreateAsync();
        var instance = NewInstance();
        await ledger.StageAsync([Record("a", instance, Hour7), Record("b", instance, Hour7.AddHours(1))], None);
        var pushedAt = Hour7.AddMinutes(71);

        await ledger.MarkPushedAsync(["a", "unknown"], pushedAt, None);

        var records = await ledger.GetRecordsAsync(instance, None);
        Assert.Equal<(MeteringRecordStatus, DateTimeOffset?)>((MeteringRecordStatus.Pushed, pushedAt), (records[0].Status, records[0].PushedAt));
        Assert.Equal<(MeteringRecordStatus, DateTimeOffset?)>((MeteringRecordStatus.Pending, null), (records[1].Status, records[1].PushedAt));
        Assert.Equal(["b"], (await ledger.GetDueAsync(Hour7.AddDays(1), 10, None)).Select(r => r.MeteringSn));
    }

    [Fact]
    public async Task A_retry_counts_the_failed_attempt_and_waits_until_its_time()
    {
        var ledger = await CreateAsync();
        var instance = NewInstance();
        var now = Hour7.AddMinutes(70);
        await ledger.StageAsync([Record("a", instance, Hour7)], None);

        await ledger.RetryLaterAsync(["a"], now.AddMinutes(1), "MKT.0999", None);
        await ledger.RetryLaterAsync(["a"], now.AddMinutes(5), "timeout", None);

        var record = Assert.Single(await ledger.GetRecordsAsync(instance, None));
        Assert.Equal((MeteringRecordStatus.Pending, 2, now.AddMinutes(5), "timeout"), (record.Status, record.Attempts, record.NextAttemptAt, record.LastError));
        Assert.Empty(await ledger.GetDueAsync(now.AddMinutes(4), 10, None));
        Assert.Equal(["a"], (await ledger.GetDueAsync(now.AddMinutes(5), 10, None)).Select(r => r.MeteringSn));
    }

    [Fact]
    public async Task Dead_letters_are_parked_with_their_error_and_never_due()
    {
        var ledger = await CreateAsync();
        var (a, b) = (NewInstance(), NewInstance());
        await ledger.StageAsync([Record("a2", a, Hour7.AddHours(2)), Record("b1", b, Hour7.AddHours(1)), Record("a3", a, Hour7.AddHours(3))], None);

        await ledger.DeadLetterAsync(["a2", "b1"], "MKT.9001", None);

        var parked = await ledger.GetDeadLettersAsync(10, None);
        Assert.Equal(["b1", "a2"], parked.Select(r => r.MeteringSn));
        Assert.All(parked, r => Assert.Equal((MeteringRecordStatus.DeadLettered, "MKT.9001"), (r.Status, r.LastError)));
        Assert.Equal(["b1"], (await ledger.GetDeadLettersAsync(1, None)).Select(r => r.MeteringSn));
        Assert.Equal(["a3"], (await ledger.GetDueAsync(Hour7.AddDays(1), 10, None)).Select(r => r.MeteringSn));
    }

    [Fact]
    public async Task Redriving_one_instance_makes_only_its_dead_letters_due_now()
    {
        var ledger = await CreateAsync();
        var (a, b) = (NewInstance(), NewInstance());
        var now = Hour7.AddDays(2);
        await ledger.StageAsync([Record("a1", a, Hour7), Record("a2", a, Hour7.AddHours(1)), Record("b1", b, Hour7), Record("a3", a, Hour7.AddHours(2))], None);
        await ledger.DeadLetterAsync(["a1", "a2", "b1"], "MKT.0150", None);

        Assert.Equal(2, await ledger.RedriveAsync(a, now, None));

        Assert.Equal(["b1"], (await ledger.GetDeadLettersAsync(10, None)).Select(r => r.MeteringSn));
        Assert.Equal(["a1", "a2", "a3"], (await ledger.GetDueAsync(now, 10, None)).Select(r => r.MeteringSn));
        var redriven = (await ledger.GetRecordsAsync(a, None))[0];
        Assert.Equal((MeteringRecordStatus.Pending, now), (redriven.Status, redriven.NextAttemptAt));
        Assert.Equal(0, await ledger.RedriveAsync(a, now, None));
    }

    [Fact]
    public async Task Redriving_all_makes_every_dead_letter_due_now()
    {
        var ledger = await CreateAsync();
        var (a, b) = (NewInstance(), NewInstance());
        var now = Hour7.AddDays(2);
        await ledger.StageAsync([Record("a1", a, Hour7), Record("b1", b, Hour7.AddHours(1)), Record("b2", b, Hour7.AddHours(2))], None);
        await ledger.DeadLetterAsync(["a1", "b1"], "MKT.0150", None);
        await ledger.MarkPushedAsync(["b2"], now, None);

        Assert.Equal(2, await ledger.RedriveAsync(null, now, None));

        Assert.Empty(await ledger.GetDeadLettersAsync(10, None));
        Assert.Equal(["a1", "b1"], (await ledger.GetDueAsync(now, 10, None)).Select(r => r.MeteringSn));
        Assert.Equal(0, await ledger.RedriveAsync(null, now, None));
    }

    [Fact]
    public async Task Held_records_are_never_due_until_an_operator_resends_them_or_marks_them_pushed()
    {
        var ledger = await CreateAsync();
        var (a, b) = (NewInstance(), NewInstance());
        var now = Hour7.AddDays(1);
        await ledger.StageAsync([Record("a1", a, Hour7), Record("a2", a, Hour7.AddHours(2)), Record("b1", b, Hour7.AddHours(1)), Record("b2", b, Hour7.AddHours(3))], None);

        await ledger.HoldAsync(["a1", "a2", "b1"], "no answer: timeout", None);

        Assert.Equal(["b2"], (await ledger.GetDueAsync(now, 10, None)).Select(r => r.MeteringSn));
        var held = await ledger.GetHeldAsync(10, None);
        Assert.Equal(["a1", "b1", "a2"], held.Select(r => r.MeteringSn));
        Assert.All(held, r => Assert.Equal((MeteringRecordStatus.Held, 1, "no answer: timeout"), (r.Status, r.Attempts, r.LastError)));
        Assert.Empty(await ledger.GetDeadLettersAsync(10, None));

        Assert.Equal(2, await ledger.ResolveHeldAsync(a, delivered: true, now, None));
        Assert.All(await ledger.GetRecordsAsync(a, None), r => Assert.Equal((MeteringRecordStatus.Pushed, now), (r.Status, r.PushedAt)));

        Assert.Equal(1, await ledger.ResolveHeldAsync(null, delivered: false, now, None));
        Assert.Equal(["b1", "b2"], (await ledger.GetDueAsync(now, 10, None)).Select(r => r.MeteringSn));
        Assert.Empty(await ledger.GetHeldAsync(10, None));
        Assert.Equal(0, await ledger.ResolveHeldAsync(null, delivered: true, now, None));
    }

    [Fact]
    public async Task Closed_hours_with_usage_not_yet_staged_are_counted_named_as_unpushed_and_their_instances_listed()
    {
        var ledger = await CreateAsync();
        var (a, b) = (NewInstance(), NewInstance());
        await ledger.AppendAsync(a, [Event("a7", 3m), Event("a8", 2m, Hour7.AddHours(1).AddMinutes(10))], None);
        await ledger.AppendAsync(b, [Event("b9", 1m, Hour7.AddHours(2).AddMinutes(20), "p")], None);

        Assert.Equal(new OutboxSummary(0, 0, null, 0, 0), await ledger.GetSummaryAsync(Hour7.AddHours(1).AddTicks(-1), None));
        Assert.Equal(new OutboxSummary(0, 0, Hour7, 0, 1), await ledger.GetSummaryAsync(Hour7.AddHours(1), None));
        Assert.Equal([a], await ledger.GetUnstagedAsync(Hour7.AddHours(1), 10, None));
        var later = Hour7.AddHours(10);
        Assert.Equal(new OutboxSummary(0, 0, Hour7, 0, 3), await ledger.GetSummaryAsync(later, None));
        Assert.Equal([a, b], await ledger.GetUnstagedAsync(later, 10, None));
        Assert.Equal([a], await ledger.GetUnstagedAsync(later, 1, None));

        // A record staged twice counts once; part of an hour staged leaves the hour unstaged.
        await ledger.StageAsync([Record("a7-0", a, Hour7, value: 3m), Record("a8-0", a, Hour7.AddHours(1), value: 1m)], None);
        await ledger.StageAsync([Record("a8-0", a, Hour7.AddHours(1), value: 1m)], None);
        Assert.Equal(new OutboxSummary(2, 0, Hour7, 0, 2), await ledger.GetSummaryAsync(later, None));

        await ledger.StageAsync([Record("a8-1", a, Hour7.AddHours(1), sequence: 1, value: 1m)], None);
        await ledger.MarkPushedAsync(["a7-0", "a8-0", "a8-1"], later, None);
        Assert.Equal(new OutboxSummary(0, 0, Hour7.AddHours(2), 0, 1), await ledger.GetSummaryAsync(later, None));
        Assert.Equal([b], await ledger.GetUnstagedAsync(later, 10, None));

        // Usage arriving after its hour was staged makes the hour unstaged again.
        await ledger.AppendAsync(a, [Event("a7-late", 0.5m)], None);
        Assert.Equal(new OutboxSummary(0, 0, Hour7, 0, 2), await ledger.GetSummaryAsync(later, None));
        Assert.Equal([a, b], await ledger.GetUnstagedAsync(later, 10, None));

        await ledger.StageAsync([Record("b9-0", b, Hour7.AddHours(2), value: 1m, package: "p"), Record("a7-1", a, Hour7, sequence: 1, value: 0.5m)], None);
        Assert.Equal(new OutboxSummary(2, 0, Hour7, 0, 0), await ledger.GetSummaryAsync(later, None));
        Assert.Empty(await ledger.GetUnstagedAsync(later, 10, None));
    }

    [Fact]
    public async Task The_summary_counts_records_by_status_and_names_the_oldest_hour_not_yet_pushed()
    {
        var ledger = await CreateAsync();
        var (a, b) = (NewInstance(), NewInstance());
        Assert.Equal(new OutboxSummary(0, 0, null, 0, 0), await ledger.GetSummaryAsync(Hour7.AddDays(1), None));

        await ledger.StageAsync(
            [Record("pushed", a, Hour7), Record("dead", b, Hour7.AddHours(2)), Record("p4", a, Hour7.AddHours(4)), Record("p3", b, Hour7.AddHours(3))], None);
        await ledger.MarkPushedAsync(["pushed"], Hour7.AddHours(1), None);
        await ledger.DeadLetterAsync(["dead"], "MKT.9002", None);

        Assert.Equal(new OutboxSummary(2, 1, Hour7.AddHours(2), 0, 0), await ledger.GetSummaryAsync(Hour7.AddDays(1), None));

        await ledger.StageAsync([Record("held", b, Hour7.AddHours(1))], None);
        await ledger.HoldAsync(["held"], "no answer", None);
        Assert.Equal(new OutboxSummary(2, 1, Hour7.AddHours(1), 1, 0), await ledger.GetSummaryAsync(Hour7.AddDays(1), None));
        await ledger.ResolveHeldAsync(null, delivered: true, Hour7.AddHours(5), None);

        await ledger.MarkPushedAsync(["dead", "p3"], Hour7.AddHours(5), None);
        Assert.Equal(new OutboxSummary(1, 0, Hour7.AddHours(4), 0, 0), await ledger.GetSummaryAsync(Hour7.AddDays(1), None));

        await ledger.MarkPushedAsync(["p4"], Hour7.AddHours(5), None);
        Assert.Equal(new OutboxSummary(0, 0, null, 0, 0), await ledger.GetSummaryAsync(Hour7.AddDays(1), None));
    }

    [Fact]
    public async Task Pruning_forgets_old_event_ids_and_keeps_the_totals()
    {
        var ledger = await CreateAsync();
        var instance = NewInstance();
        var old = T0.AddDays(-30);
        await ledger.AppendAsync(instance, [Event("old-1", 1m, old), Event("old-2", 2m, old.AddMinutes(1)), Event("recent", 4m)], None);

        Assert.Equal(2, await ledger.PruneEventsAsync(T0.AddDays(-22), None));

        Assert.Equal([Hour(Hour7.AddDays(-30), 3m, 2), Hour(Hour7, 4m, 1)], await ledger.GetHoursAsync(instance, None));
        Assert.Equal([true, false], await ledger.AppendAsync(instance, [Event("old-1", 1m, old), Event("recent", 4m)], None));
        Assert.Equal(0, await ledger.PruneEventsAsync(old, None));
    }
}
