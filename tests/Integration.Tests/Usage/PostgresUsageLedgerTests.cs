using Npgsql;
using Provisioning.Grains.Usage;
using Provisioning.Infrastructure.Postgres;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Usage;

public sealed class PostgresUsageLedgerTests : UsageLedgerContract, IAsyncLifetime
{
    private static readonly DateTimeOffset Hour = new(2024, 3, 15, 7, 0, 0, TimeSpan.Zero);
    private readonly List<PostgresUsageLedger> _ledgers = [];
    private string _connectionString = null!;
    private NpgsqlDataSource _database = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await PostgresServer.CreateMigratedDatabaseAsync("usage");
        _database = NpgsqlDataSource.Create(_connectionString);
    }

    public async Task DisposeAsync()
    {
        foreach (var ledger in _ledgers) await ledger.DisposeAsync();
        await _database.DisposeAsync();
    }

    protected override Task<IUsageLedger> CreateAsync() => Task.FromResult<IUsageLedger>(NewLedger());

    [Fact]
    public async Task Concurrent_appends_with_overlapping_ids_each_get_their_own_answers_and_every_id_counts_once()
    {
        // Two ledgers on one database, as two silos: calls coalesce within each and race between them.
        PostgresUsageLedger[] ledgers = [NewLedger(), NewLedger()];
        var instances = Enumerable.Range(0, 40).Select(_ => NewInstance()).ToArray();
        var random = new Random(7);
        var calls = Enumerable.Range(0, 400).Select(call =>
        {
            var instance = call % instances.Length;
            // Each instance reports its own quantity, so the totals show whose copy of an id was counted.
            var events = Enumerable.Range(0, 20)
                .Select(_ => random.Next(1_000))
                .Select(id => Event($"e{id}", instance + 1, Hour.AddMinutes(id % 120)))
                .ToArray();
            return (Instance: instance, Events: events);
        }).ToArray();

        var answers = await Task.WhenAll(calls.Select((call, i) =>
            Task.Run(() => ledgers[i % 2].AppendAsync(instances[call.Instance], call.Events, CancellationToken.None))));

        var counted = calls.Zip(answers)
            .SelectMany(pair => pair.First.Events.Zip(pair.Second, (e, recorded) => (pair.First.Instance, Event: e, Recorded: recorded)))
            .Where(e => e.Recorded)
            .ToList();
        var sent = calls.SelectMany(c => c.Events).Select(e => e.EventId).Distinct().Count();
        Assert.Equal(sent, counted.Count);
        Assert.Equal(sent, counted.Select(e => e.Event.EventId).Distinct().Count());
        for (var instance = 0; instance < instances.Length; instance++)
        {
            var hours = await ledgers[0].GetHoursAsync(instances[instance], CancellationToken.None);
            var mine = counted.Where(e => e.Instance == instance).ToList();
            Assert.Equal(mine.Sum(e => e.Event.Quantity), hours.Sum(h => h.Quantity));
            Assert.Equal(mine.Count, hours.Sum(h => h.Events));
        }

        Assert.Equal([(long)sent], await Sql.QueryAsync(_connectionString, "SELECT count(*) FROM usage_events", row => row.GetInt64(0)));
    }

    [Fact]
    public async Task A_failed_write_fails_its_callers_and_the_ledger_keeps_recording()
    {
        var ledger = NewLedger();
        var instance = NewInstance();

        // PostgreSQL's text cannot hold a NUL character.
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ledger.AppendAsync(instance, [Event("bad\0id", 1m), Event("good", 1m)], CancellationToken.None));

        Assert.Equal([true], await ledger.AppendAsync(instance, [Event("good", 1m)], CancellationToken.None));
    }

    [Fact]
    public async Task Timestamps_come_back_in_utc()
    {
        var ledger = NewLedger();
        var instance = NewInstance();
        var beijing = TimeSpan.FromHours(8);
        var record = Record("sn", instance, Hour.ToOffset(beijing)) with { PushedAt = Hour.AddHours(2).ToOffset(beijing) };

        await ledger.StageAsync([record], CancellationToken.None);

        var stored = Assert.Single(await ledger.GetRecordsAsync(instance, CancellationToken.None));
        Assert.Equal(record, stored);
        Assert.All([stored.HourStart, stored.StagedAt, stored.NextAttemptAt, stored.PushedAt!.Value], time => Assert.Equal(TimeSpan.Zero, time.Offset));
        Assert.Equal(TimeSpan.Zero, (await ledger.GetSummaryAsync(DateTimeOffset.UtcNow, CancellationToken.None)).OldestUnpushedHour!.Value.Offset);
    }

    [Fact]
    public async Task Pruning_a_table_larger_than_one_chunk_forgets_every_old_event()
    {
        var ledger = NewLedger();
        // Old and recent events interleaved in every block, in more blocks than one prune statement covers.
        await Sql.ExecuteAsync(_connectionString, """
            INSERT INTO usage_events (event_id, instance_id, package, hour_start, quantity, occurred_at, recorded_at)
            SELECT 'g' || i || repeat('-', 200), 'instance', '', at, 1, at, now()
              FROM generate_series(1, 40000) AS i, LATERAL (SELECT @hour - (i % 2) * interval '30 days' AS at) t
            """, ("hour", Hour));
        var blocks = await Sql.QueryAsync(_connectionString, "SELECT pg_relation_size('usage_events') / 8192", row => row.GetInt64(0));
        Assert.True(blocks.Single() > PostgresUsageLedger.PruneBlocks);

        Assert.Equal(20_000, await ledger.PruneEventsAsync(Hour.AddDays(-22), CancellationToken.None));

        Assert.Equal([20_000L], await Sql.QueryAsync(_connectionString, "SELECT count(*) FROM usage_events WHERE occurred_at = @hour", row => row.GetInt64(0), ("hour", Hour)));
        Assert.Equal([20_000L], await Sql.QueryAsync(_connectionString, "SELECT count(*) FROM usage_events", row => row.GetInt64(0)));
    }

    private PostgresUsageLedger NewLedger()
    {
        var ledger = new PostgresUsageLedger(_database);
        _ledgers.Add(ledger);
        return ledger;
    }
}
