using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Provisioning.Grains.Instances;
using Provisioning.Infrastructure.Postgres;

namespace Provisioning.Bench;

/// <summary>
/// Issue 12's list target: listing 100,000 instances by status pages through in well under a second per page. The query model
/// (deploy/sql/0009) is filled directly (a read benchmark), then every page of each status is read with limit 1,000 through the
/// seller API's reader (keyset), against two baselines in the same run: the same pages by OFFSET, and one count(*) of the status.
/// </summary>
internal static class InstanceListBenchmark
{
    internal const int Instances = 100_000;
    private const int Limit = 1_000;
    private const int InsertChunk = 5_000;

    public static async Task<int> RunAsync()
    {
        var connectionString = await BenchDatabase.CreateAsync();
        await ProvisioningDatabase.MigrateAsync(connectionString, NullLogger.Instance);
        await using var database = NpgsqlDataSource.Create(connectionString);

        var filled = Stopwatch.StartNew();
        await FillAsync(database);
        await using (var analyze = database.CreateCommand("VACUUM ANALYZE instance_views")) await analyze.ExecuteNonQueryAsync();
        Console.WriteLine($"{Instances:N0} instances written to instance_views in {filled.Elapsed.TotalSeconds:0.0} s (70% active, 20% frozen, 10% released); limit {Limit}.");
        Console.WriteLine();
        Console.WriteLine($"{"status / reader",-34} {"pages",6} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"total ms",9}");

        var reader = new PostgresInstanceViews(database);
        foreach (var status in new[] { InstanceStatus.Active, InstanceStatus.Frozen })
        {
            await KeysetAsync(reader, status); // warm-up: plans and pages in cache
            var keyset = await KeysetAsync(reader, status);
            var offset = await OffsetAsync(database, status);
            var count = await Measurement.TakeAsync("count", 5, async _ =>
            {
                await using var command = database.CreateCommand("SELECT count(*) FROM instance_views WHERE test = false AND duplicate_of IS NULL AND status = @status");
                command.Parameters.AddWithValue("status", InstanceNames.Of(status));
                await command.ExecuteScalarAsync();
            });

            Print($"{InstanceNames.Of(status)}, keyset (the API)", keyset);
            Print($"{InstanceNames.Of(status)}, OFFSET (baseline)", offset);
            Print($"{InstanceNames.Of(status)}, count(*) (baseline)", count);
            Console.WriteLine($"  keyset total / OFFSET total: {keyset.Total / offset.Total:0.00}; keyset p50 page / count(*) p50: {keyset.P50 / count.P50:0.00}");
        }

        return 0;
    }

    private static void Print(string name, Measurement m) =>
        Console.WriteLine($"{name,-34} {m.Milliseconds.Count,6} {m.P50,8:0.0} {m.P99,8:0.0} {m.Max,8:0.0} {m.Total,9:0}");

    private static async Task<Measurement> KeysetAsync(PostgresInstanceViews reader, InstanceStatus status)
    {
        var times = new List<double>();
        for (string? after = null; ;)
        {
            var started = Stopwatch.GetTimestamp();
            var page = await reader.ListAsync(new InstanceQuery(Traffic.Live, status, null, null, null, after, Limit), CancellationToken.None);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (page.NextAfter is null) return new Measurement("keyset", times);
            after = page.NextAfter;
        }
    }

    private static async Task<Measurement> OffsetAsync(NpgsqlDataSource database, InstanceStatus status)
    {
        var times = new List<double>();
        for (var offset = 0; ; offset += Limit)
        {
            var started = Stopwatch.GetTimestamp();
            await using var command = database.CreateCommand($"""
                SELECT {InstanceViewRows.Columns} FROM instance_views
                 WHERE test = false AND duplicate_of IS NULL AND status = @status ORDER BY instance_id OFFSET @offset LIMIT @limit
                """);
            command.Parameters.AddWithValue("status", InstanceNames.Of(status));
            command.Parameters.AddWithValue("offset", offset);
            command.Parameters.AddWithValue("limit", Limit);
            var rows = 0;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    InstanceViewRows.Read(reader);
                    rows++;
                }
            }

            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (rows < Limit) return new Measurement("offset", times);
        }
    }

    internal static async Task FillAsync(NpgsqlDataSource database)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var from = 0; from < Instances; from += InsertChunk)
        {
            var rows = Enumerable.Range(from, InsertChunk).Select(i =>
            {
                var id = InstanceIds.Derive(OrderKey.ForOrder($"BENCH{i:D7}"), Traffic.Live);
                var status = (i % 10) switch { < 7 => InstanceStatus.Active, < 9 => InstanceStatus.Frozen, _ => InstanceStatus.Released };
                var view = new InstanceView(id, Traffic.Live, status, $"00301-666666-0--{i % 5}", "sku-basic", ChargingMode.Periodic, false, $"customer-{i % 997}",
                    $"BENCH{i:D7}", $"BENCH{i:D7}", start.AddDays(365 + i % 365), start.AddMinutes(i), start.AddMinutes(i), 1);
                return new ProjectedInstance(view, null, 1);
            }).ToList();
            await PostgresInstanceProjection.WriteAsync(database, rows, [], CancellationToken.None);
        }
    }
}
