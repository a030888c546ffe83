using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Provisioning.Grains.Usage;
using Provisioning.Infrastructure.Postgres;

namespace Provisioning.Bench;

/// <summary>
/// Issue 5's ingest target: 100,000 usage events/s accepted durably. Concurrent callers (as meter grains would) append
/// calls of 10–100 events, each call for one of many instances, through four writers, each on a fresh database:
/// PostgreSQL's plain single-row INSERT per event (the baseline), the ledger's write per call, group commit through the
/// ON CONFLICT statement alone (the ledger before its COPY path), and the ledger's group commit (COPY, and the ON
/// CONFLICT statement only for a batch holding an id recorded before).
/// </summary>
internal static class UsageLedgerBenchmark
{
    private const int Instances = 1_000;
    private const int WarmupCalls = 200;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private sealed record Call(string InstanceId, UsageEvent[] Events);

    private sealed record Result(string Name, int Events, int Calls, TimeSpan Elapsed, double P50Ms, double P99Ms)
    {
        public double EventsPerSecond => Events / Elapsed.TotalSeconds;
    }

    public static async Task<int> RunAsync(int events, int concurrency)
    {
        Console.WriteLine($"{events:N0} events in calls of 10–100 over {Instances:N0} instances, {concurrency} concurrent callers, "
            + $"at most {Limit.TotalSeconds:0} s per writer after {WarmupCalls} warm-up calls (fsync as set by with-postgres.sh).");

        Result[] results =
        [
            await MeasureAsync("single-row INSERT per event (baseline)", events, concurrency, database => call => InsertRowsAsync(database, call)),
            await MeasureAsync("ledger write per call (no group commit)", events, concurrency, database => call =>
                PostgresUsageEvents.InsertAsync(database, Rows(call), CancellationToken.None)),
            await MeasureGroupCommitAsync("group commit, ON CONFLICT statement only", events, concurrency, database => (rows, cancellationToken) =>
                PostgresUsageEvents.InsertSkippingRecordedAsync(database, rows, cancellationToken)),
            await MeasureGroupCommitAsync("ledger group commit (COPY)", events, concurrency, database => (rows, cancellationToken) =>
                PostgresUsageEvents.InsertAsync(database, rows, cancellationToken)),
        ];

        Console.WriteLine();
        Console.WriteLine($"{"writer",-48} {"events/s",10} {"× baseline",10} {"calls/s",9} {"p50 ms",8} {"p99 ms",8}");
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Name,-48} {r.EventsPerSecond,10:N0} {r.EventsPerSecond / results[0].EventsPerSecond,10:0.0} "
                + $"{r.Calls / r.Elapsed.TotalSeconds,9:N0} {r.P50Ms,8:0.0} {r.P99Ms,8:0.0}");
        }

        Console.WriteLine();
        Console.WriteLine($"Target: 100,000 events/s durable. Group commit: {results[^1].EventsPerSecond:N0} events/s — {(results[^1].EventsPerSecond >= 100_000 ? "met" : "NOT met")}.");
        return 0;
    }

    private static async Task<Result> MeasureGroupCommitAsync(
        string name, int events, int concurrency,
        Func<NpgsqlDataSource, Func<IReadOnlyList<InstanceEvent>, CancellationToken, Task<IReadOnlySet<string>>>> insert)
    {
        UsageGroupCommit? commit = null;
        try
        {
            return await MeasureAsync(name, events, concurrency, database =>
            {
                commit = new UsageGroupCommit(insert(database));
                return call => commit.AppendAsync(call.InstanceId, call.Events, CancellationToken.None);
            });
        }
        finally
        {
            if (commit is not null) await commit.DisposeAsync();
        }
    }

    private static InstanceEvent[] Rows(Call call) => [.. call.Events.Select(e => new InstanceEvent(call.InstanceId, e))];

    private static async Task<Result> MeasureAsync(string name, int events, int concurrency, Func<NpgsqlDataSource, Func<Call, Task>> writer)
    {
        var connectionString = await BenchDatabase.CreateAsync();
        await ProvisioningDatabase.MigrateAsync(connectionString, NullLogger.Instance);
        await using var database = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = concurrency + 8 }.ConnectionString);
        var write = writer(database);
        var calls = Calls(events);
        foreach (var warmup in Calls(WarmupCalls * 55, "warmup")) await write(warmup);

        var next = -1;
        var latencies = new List<double>[concurrency];
        var done = new int[concurrency];
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(caller => Task.Run(async () =>
        {
            var mine = latencies[caller] = [];
            int index;
            while ((index = Interlocked.Increment(ref next)) < calls.Count && Stopwatch.GetElapsedTime(started) < Limit)
            {
                var begin = Stopwatch.GetTimestamp();
                await write(calls[index]);
                mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                done[caller] += calls[index].Events.Length;
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var result = new Result(name, done.Sum(), all.Length, elapsed, all[all.Length / 2], all[(int)(all.Length * 0.99)]);
        Console.WriteLine($"  {name}: {result.Events:N0} events in {elapsed.TotalSeconds:0.0} s");
        return result;
    }

    // Deterministic calls of 10–100 events each, every call for one instance, every event id new.
    private static List<Call> Calls(int events, string run = "run")
    {
        var random = new Random(5);
        var calls = new List<Call>();
        for (var made = 0; made < events;)
        {
            var size = Math.Min(random.Next(10, 101), events - made);
            var instance = $"instance-{calls.Count % Instances:D4}";
            calls.Add(new Call(instance, [.. Enumerable.Range(made, size).Select(i =>
                new UsageEvent($"{run}-{i}", 1.5m, Start.AddSeconds(random.Next(3 * 3600)), null))]));
            made += size;
        }

        return calls;
    }

    private static async Task InsertRowsAsync(NpgsqlDataSource database, Call call)
    {
        foreach (var e in call.Events)
        {
            await using var command = database.CreateCommand("""
                INSERT INTO usage_events (event_id, instance_id, package, hour_start, quantity, occurred_at, recorded_at)
                VALUES (@id, @instance, '', date_trunc('hour', @at, 'UTC'), @quantity, @at, now())
                """);
            command.Parameters.AddWithValue("id", e.EventId);
            command.Parameters.AddWithValue("instance", call.InstanceId);
            command.Parameters.AddWithValue("at", e.OccurredAt);
            command.Parameters.AddWithValue("quantity", e.Quantity);
            await command.ExecuteNonQueryAsync();
        }
    }
}
