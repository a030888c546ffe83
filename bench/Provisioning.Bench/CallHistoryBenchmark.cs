using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Provisioning.Grains.CallHistory;
using Provisioning.Grains.Instances;
using Provisioning.Infrastructure.Postgres;

namespace Provisioning.Bench;

/// <summary>
/// The call history's durable write on its own: 32 concurrent callers (as 32 callbacks) each append one entry and wait
/// until it is committed, through the PostgreSQL store's group commit, beside PostgreSQL's rate of one durable
/// single-row INSERT per call from the same callers (the baseline).
/// </summary>
internal static class CallHistoryBenchmark
{
    private const int Concurrency = 32;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync()
    {
        var connectionString = await BenchDatabase.CreateAsync();
        await ProvisioningDatabase.MigrateAsync(connectionString, NullLogger.Instance);
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var history = new PostgresCallHistory(database);
        var now = DateTimeOffset.UtcNow;

        Console.WriteLine($"{Concurrency} concurrent callers, {Duration.TotalSeconds:0} s each after a 2 s warm-up (fsync as set by with-postgres.sh).");
        var single = await LoadRun.ClosedLoopAsync("one INSERT per entry (baseline)", Concurrency, Duration, async i =>
        {
            await using var command = database.CreateCommand(
                "INSERT INTO call_history (instance_id, test, called_at, protocol, activity, order_id, result_code, result_message, latency_ms, trace_id) "
                + "VALUES (@instance, false, now(), 'v1', 'queryInstance', null, '000000', '1 of 1 instances found', 3.5, '0af7651916cd43dd8448eb211c80319c')");
            command.Parameters.AddWithValue("instance", $"inst-{i % 1000}");
            return await command.ExecuteNonQueryAsync() == 1;
        });
        var grouped = await LoadRun.ClosedLoopAsync("PostgresCallHistory append (group commit)", Concurrency, Duration, async i =>
        {
            await history.AppendAsync([new CallHistoryEntry($"inst-{i % 1000}", Traffic.Live, now.AddTicks(i), "v1", "queryInstance", null, "000000",
                "1 of 1 instances found", 3.5, "0af7651916cd43dd8448eb211c80319c")], CancellationToken.None);
            return true;
        });

        Console.WriteLine();
        Console.WriteLine($"{"writer",-48} {"calls/s",9} {"p50 ms",8} {"p99 ms",8} {"errors",7}");
        foreach (var r in new[] { single, grouped })
        {
            Console.WriteLine($"{r.Name,-48} {r.PerSecond,9:0} {r.P50Ms,8:0.0} {r.P99Ms,8:0.0} {r.Errors,7}");
        }

        return 0;
    }
}
