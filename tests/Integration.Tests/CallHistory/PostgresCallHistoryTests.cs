using Npgsql;
using Provisioning.Grains.CallHistory;
using Provisioning.Grains.Instances;
using Provisioning.Infrastructure.Postgres;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.CallHistory;

public sealed class PostgresCallHistoryTests : CallHistoryContract, IAsyncLifetime
{
    private readonly List<PostgresCallHistory> _histories = [];
    private NpgsqlDataSource _database = null!;

    public async Task InitializeAsync() => _database = NpgsqlDataSource.Create(await PostgresServer.CreateMigratedDatabaseAsync("callhistory"));

    public async Task DisposeAsync()
    {
        foreach (var history in _histories) await history.DisposeAsync();
        await _database.DisposeAsync();
    }

    protected override Task<ICallHistory> CreateAsync() => Task.FromResult<ICallHistory>(New());

    [Fact]
    public async Task Concurrent_appends_share_transactions_and_every_entry_is_stored()
    {
        var history = New();
        var instances = Enumerable.Range(0, 20).Select(_ => NewInstance()).ToArray();
        const int appends = 400;

        await Task.WhenAll(Enumerable.Range(0, appends).Select(i =>
            Task.Run(() => history.AppendAsync([Entry(instances[i % instances.Length], T0.AddMilliseconds(i))], CancellationToken.None))));

        foreach (var instance in instances)
        {
            Assert.Equal(appends / instances.Length, (await history.ReadAsync(new InstanceAddress(instance, Traffic.Live), 1000, null, CancellationToken.None)).Count);
        }

        // The rows one transaction wrote share its id (xmin): fewer transactions than appends means they were grouped.
        await using var transactions = _database.CreateCommand("SELECT count(DISTINCT xmin::text) FROM call_history");
        var written = (long)(await transactions.ExecuteScalarAsync())!;
        Assert.InRange(written, 1, appends / 2);
    }

    [Fact]
    public async Task Pruning_more_than_one_chunk_forgets_them_all()
    {
        var history = New();
        var instance = NewInstance();
        var old = PostgresCallHistory.PruneChunk * 2 + 7;
        await history.AppendAsync([.. Enumerable.Range(0, old).Select(i => Entry(instance, T0.AddDays(-200).AddSeconds(i)))], CancellationToken.None);
        await history.AppendAsync([Entry(instance, T0)], CancellationToken.None);

        Assert.Equal(old, await history.PruneAsync(T0.AddDays(-90), CancellationToken.None));

        Assert.Equal(T0, Assert.Single(await history.ReadAsync(new InstanceAddress(instance, Traffic.Live), 10, null, CancellationToken.None)).Entry.At);
    }

    [Fact]
    public async Task A_page_is_one_range_of_the_instance_index()
    {
        var history = New();
        var instance = NewInstance();
        await history.AppendAsync([.. Enumerable.Range(0, 2_000).Select(i => Entry(i % 2 == 0 ? instance : NewInstance(), T0.AddSeconds(i)))], CancellationToken.None);
        await using (var analyze = _database.CreateCommand("ANALYZE call_history")) await analyze.ExecuteNonQueryAsync();

        await using var explain = _database.CreateCommand("""
            EXPLAIN SELECT seq FROM call_history WHERE instance_id = @instance AND test = false AND (called_at, seq) < (@at, @seq)
             ORDER BY called_at DESC, seq DESC LIMIT 50
            """);
        explain.Parameters.AddWithValue("instance", instance);
        explain.Parameters.AddWithValue("at", T0.AddSeconds(1_000));
        explain.Parameters.AddWithValue("seq", 1_000L);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(0));

        Assert.True(plan.Any(line => line.Contains("Scan using call_history_by_instance", StringComparison.Ordinal)), string.Join("\n", plan));
        Assert.DoesNotContain(plan, line => line.Contains("Sort", StringComparison.Ordinal));
    }

    private PostgresCallHistory New()
    {
        var history = new PostgresCallHistory(_database);
        _histories.Add(history);
        return history;
    }
}
