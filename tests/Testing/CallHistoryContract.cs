using Provisioning.Grains.CallHistory;
using Provisioning.Grains.Instances;
using Xunit;

namespace Provisioning.Testing;

/// <summary>The rules every call-history store keeps (in memory and in PostgreSQL alike); each store runs this suite.</summary>
public abstract class CallHistoryContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    protected abstract Task<ICallHistory> CreateAsync();

    protected static string NewInstance() => "inst-" + Guid.NewGuid().ToString("N")[..12];

    public static CallHistoryEntry Entry(string instanceId, DateTimeOffset at, string activity = "refreshInstance", Traffic traffic = Traffic.Live) =>
        new(instanceId, traffic, at, "v1", activity, "CS" + at.ToUnixTimeMilliseconds(), "000000", "success", 12.5, "0af7651916cd43dd8448eb211c80319c");

    private static async Task<List<RecordedCall>> ReadAllAsync(ICallHistory history, InstanceAddress instance, int pageSize)
    {
        var all = new List<RecordedCall>();
        CallHistoryPosition? after = null;
        while (true)
        {
            var page = await history.ReadAsync(instance, pageSize, after, CancellationToken.None);
            all.AddRange(page);
            if (page.Count < pageSize) return all;
            after = page[^1].Position;
        }
    }

    [Fact]
    public async Task Calls_since_a_moment_are_counted_by_traffic_activity_and_result_code()
    {
        var history = await CreateAsync();
        var activity = "count-" + Guid.NewGuid().ToString("N")[..8];
        var (one, two) = (NewInstance(), NewInstance());
        await history.AppendAsync(
        [
            Entry(one, T0.AddMinutes(-1), activity),
            Entry(one, T0, activity),
            Entry(two, T0.AddMinutes(5), activity),
            Entry(two, T0.AddMinutes(6), activity) with { ResultCode = "000005" },
            Entry(two, T0.AddMinutes(7), activity, Traffic.Test),
        ], CancellationToken.None);

        var counts = (await history.CountSinceAsync(T0, CancellationToken.None)).Where(c => c.Activity == activity)
            .OrderBy(c => c.Traffic).ThenBy(c => c.ResultCode, StringComparer.Ordinal).ToArray();

        Assert.Equal(
            [new CallCount(Traffic.Live, activity, "000000", 2), new CallCount(Traffic.Live, activity, "000005", 1), new CallCount(Traffic.Test, activity, "000000", 1)],
            counts);
    }

    [Fact]
    public async Task An_entry_reads_back_with_every_field()
    {
        var history = await CreateAsync();
        var instance = NewInstance();
        var entry = Entry(instance, T0.AddMilliseconds(123)) with { OrderId = null, Protocol = "v2", ResultCode = "000004", ResultMessage = "still provisioning", LatencyMs = 3.25 };

        await history.AppendAsync([entry], CancellationToken.None);

        var recorded = Assert.Single(await history.ReadAsync(new InstanceAddress(instance, Traffic.Live), 10, null, CancellationToken.None));
        Assert.Equal(entry, recorded.Entry);
        Assert.Equal(entry.At, recorded.Position.At);
    }

    [Fact]
    public async Task Pages_follow_each_other_newest_first_without_gaps_or_repeats_even_for_calls_at_the_same_time()
    {
        var history = await CreateAsync();
        var instance = NewInstance();
        // Recorded out of arrival order, three of them in the same millisecond.
        int[] seconds = [5, 1, 9, 3, 3, 3, 7, 0, 8];
        var entries = seconds.Select((s, i) => Entry(instance, T0.AddSeconds(s), activity: $"call{i}")).ToArray();
        foreach (var entry in entries) await history.AppendAsync([entry], CancellationToken.None);
        await history.AppendAsync([Entry(NewInstance(), T0.AddSeconds(4))], CancellationToken.None);

        var read = await ReadAllAsync(history, new InstanceAddress(instance, Traffic.Live), pageSize: 2);

        // Newest first; the three calls of second 3 newest-recorded first.
        Assert.Equal(["call2", "call8", "call6", "call0", "call5", "call4", "call3", "call1", "call7"], read.Select(r => r.Entry.Activity));
        Assert.Equal(read.Count, read.Select(r => r.Position.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task Test_traffic_has_its_own_history()
    {
        var history = await CreateAsync();
        var instance = NewInstance();

        await history.AppendAsync([Entry(instance, T0, "newInstance"), Entry(instance, T0.AddSeconds(1), "queryInstance", Traffic.Test)], CancellationToken.None);

        Assert.Equal("newInstance", Assert.Single(await history.ReadAsync(new InstanceAddress(instance, Traffic.Live), 10, null, CancellationToken.None)).Entry.Activity);
        Assert.Equal("queryInstance", Assert.Single(await history.ReadAsync(new InstanceAddress(instance, Traffic.Test), 10, null, CancellationToken.None)).Entry.Activity);
        Assert.Empty(await history.ReadAsync(new InstanceAddress(NewInstance(), Traffic.Live), 10, null, CancellationToken.None));
    }

    [Fact]
    public async Task Pruning_forgets_only_the_calls_before_the_cutoff_and_says_how_many()
    {
        var history = await CreateAsync();
        var (old, recent) = (NewInstance(), NewInstance());
        await history.AppendAsync([.. Enumerable.Range(0, 30).Select(i => Entry(old, T0.AddDays(-100).AddMinutes(i)))], CancellationToken.None);
        await history.AppendAsync([Entry(recent, T0.AddDays(-100)), Entry(recent, T0.AddDays(-1)), Entry(recent, T0)], CancellationToken.None);

        var pruned = await history.PruneAsync(T0.AddDays(-90), CancellationToken.None);

        Assert.Equal(31, pruned);
        Assert.Empty(await history.ReadAsync(new InstanceAddress(old, Traffic.Live), 10, null, CancellationToken.None));
        Assert.Equal([T0, T0.AddDays(-1)], (await history.ReadAsync(new InstanceAddress(recent, Traffic.Live), 10, null, CancellationToken.None)).Select(r => r.Entry.At));
        Assert.Equal(0, await history.PruneAsync(T0.AddDays(-90), CancellationToken.None));
    }
}
