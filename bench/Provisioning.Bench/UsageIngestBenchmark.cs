using System.Text;
using Npgsql;

namespace Provisioning.Bench;

/// <summary>
/// The usage-ingest target of ARCHITECTURE.md (100,000 events/s accepted durably, in batches), on the built gateway process
/// with a durable PostgreSQL: reports of 100 events to <c>POST /api/usage</c>, each answered only once its events are in
/// PostgreSQL. Baselines from the same run at the same concurrency: the same bodies refused by the same server before
/// they are parsed (no API key), and PostgreSQL's own rate of inserting the same batches of 100 rows.
/// </summary>
internal static class UsageIngestBenchmark
{
    private const string UsageKey = "bench-usage-key";
    private const int Concurrency = 32;
    private const int EventsPerReport = 100;
    private const int Instances = 1_000;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync()
    {
        var database = await BenchDatabase.CreateAsync();
        var settings = BenchMarketplace.GatewayKeys();
        settings["SellerApi:UsageKey"] = UsageKey;
        await using var gateway = await GatewayProcess.StartAsync(database, settings);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency * 2 }) { BaseAddress = gateway.Address };
        await using var postgres = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = Concurrency * 2 }.ConnectionString);

        var run = Guid.NewGuid().ToString("N")[..8];
        var instances = await OpenInstancesAsync(http, run);
        await using (var create = postgres.CreateCommand(
            "CREATE TABLE bench_events (event_id text PRIMARY KEY, instance_id text NOT NULL, quantity numeric NOT NULL, occurred_at timestamptz NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        // Every meter activates (reads its hours, registers its close reminder) on its first report: do that before measuring.
        await Parallel.ForAsync(0, Instances / EventsPerReport, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) =>
        {
            if (!await Posts(http, Report(run, "warm", i, instances, EventsPerReport), UsageKey)) throw new InvalidOperationException("a warm-up report was not accepted");
        });

        Console.WriteLine($"Gateway process co-hosting a silo on PostgreSQL, {Concurrency} concurrent callers, reports of {EventsPerReport} events over {Instances} pay-per-use instances, {Duration.TotalSeconds:0} s per workload after a 2 s warm-up.");
        var results = new List<LoadResult>
        {
            await LoadRun.ClosedLoopAsync("same bodies refused before parsing (baseline)", Concurrency, Duration,
                i => Posts(http, Report(run, "base", i, instances, 10), key: null)),
            await LoadRun.ClosedLoopAsync("PostgreSQL insert of the same 100 rows (baseline)", Concurrency, Duration,
                i => InsertAsync(postgres, run, i, instances)),
        };
        foreach (var perReport in new[] { 1, 10, 100 })
        {
            results.Add(await LoadRun.ClosedLoopAsync($"POST /api/usage, {perReport} instance(s) per report (durable)", Concurrency, Duration,
                i => Posts(http, Report(run, $"i{perReport}", i, instances, perReport), UsageKey)));
        }

        Console.WriteLine();
        Console.WriteLine($"{"workload",-56} {"reports/s",10} {"events/s",10} {"p50 ms",8} {"p99 ms",8} {"errors",7}");
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Name,-56} {r.PerSecond,10:0} {r.PerSecond * EventsPerReport,10:0} {r.P50Ms,8:0.0} {r.P99Ms,8:0.0} {r.Errors,7}");
        }

        Console.WriteLine();
        var trivial = results[0].PerSecond;
        var insert = results[1].PerSecond;
        foreach (var r in results.Skip(2))
        {
            Console.WriteLine($"{r.Name,-56} vs refused bodies {r.PerSecond / trivial:0.00}, vs PostgreSQL insert {r.PerSecond / insert:0.00}, {r.PerSecond * EventsPerReport / 100_000:0.00} of the 100,000 events/s target");
        }

        return 0;
    }

    private static string Report(string run, string workload, int call, IReadOnlyList<string> instances, int instancesPerReport)
    {
        var now = DateTimeOffset.UtcNow.ToString("O");
        var body = new StringBuilder("{\"events\":[");
        for (var e = 0; e < EventsPerReport; e++)
        {
            var instance = instances[(call * instancesPerReport + e % instancesPerReport) % instances.Count];
            if (e > 0) body.Append(',');
            body.Append($"{{\"eventId\":\"{run}-{workload}-{call}-{e}\",\"instanceId\":\"{instance}\",\"quantity\":1.25,\"occurredAt\":\"{now}\"}}");
        }

        return body.Append("]}").ToString();
    }

    private static async Task<bool> Posts(HttpClient http, string body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/usage") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        return key is null ? (int)response.StatusCode == 401 : response.IsSuccessStatusCode && answer.StartsWith($"{{\"accepted\":{EventsPerReport},", StringComparison.Ordinal);
    }

    private static async Task<bool> InsertAsync(NpgsqlDataSource postgres, string run, int call, IReadOnlyList<string> instances)
    {
        var ids = new string[EventsPerReport];
        var owners = new string[EventsPerReport];
        for (var e = 0; e < EventsPerReport; e++)
        {
            ids[e] = $"{run}-pg-{call}-{e}";
            owners[e] = instances[(call * 10 + e % 10) % instances.Count];
        }

        await using var command = postgres.CreateCommand(
            "INSERT INTO bench_events SELECT id, owner, 1.25, now() FROM unnest(@ids, @owners) AS e(id, owner) ON CONFLICT (event_id) DO NOTHING");
        command.Parameters.AddWithValue("ids", ids);
        command.Parameters.AddWithValue("owners", owners);
        return await command.ExecuteNonQueryAsync() == EventsPerReport;
    }

    private static async Task<IReadOnlyList<string>> OpenInstancesAsync(HttpClient http, string run)
    {
        var ids = new string[Instances];
        await Parallel.ForAsync(0, Instances, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) =>
        {
            ids[i] = await BenchMarketplace.OpenAsync(http, $"USAGE{run}{i}", chargingMode: "0");
        });
        return ids;
    }
}
