using System.Text;
using Npgsql;

namespace Provisioning.Bench;

/// <summary>
/// The callback targets of ARCHITECTURE.md, on the built gateway process with a durable PostgreSQL (run with PG_DURABLE=1):
/// signed V1 newInstance calls that each open a new instance, against baselines measured in the same run at the same
/// concurrency — PostgreSQL's own rate of durable single-row upserts of the same size (driven by pgbench, and by Npgsql
/// from this process), and the same server answering a trivial endpoint. Then the p99 at half of the measured peak, and the read path (queryInstance with 1, 10 and 100 ids).
/// Every callback is recorded in the call history before it is answered; the count of its entries closes the report.
/// </summary>
internal static class CallbackBenchmark
{
    private const int Concurrency = 32;

    // BENCH_CALLERS: how many callers drive the callback workloads (the baselines keep Concurrency).
    private static readonly int Callers = int.TryParse(Environment.GetEnvironmentVariable("BENCH_CALLERS"), out var callers) ? callers : Concurrency;
    private const int StateBytes = 1_200;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(15);

    // The same upsert as UpsertAsync, a new key each time; pgbench sends the key and the payload (hex) as parameters.
    private const string PgBenchUpsert = """
        \set id random(1, 1000000000000)
        INSERT INTO bench_rows (key, payload, version) VALUES ('pgbench' || CAST(:id AS text), decode(:payload, 'hex'), 1)
            ON CONFLICT (key) DO UPDATE SET payload = excluded.payload, version = bench_rows.version + 1;
        """;

    private static readonly byte[] Success = Encoding.ASCII.GetBytes("\"resultCode\":\"000000\"");

    public static async Task<int> RunAsync()
    {
        var database = await BenchDatabase.CreateAsync();
        await using var gateway = await GatewayProcess.StartAsync(database, BenchMarketplace.GatewayKeys());
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Math.Max(Concurrency, Callers) * 2 }) { BaseAddress = gateway.Address };
        await using var postgres = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = Concurrency * 2 }.ConnectionString);
        await Execute(postgres, "CREATE TABLE bench_rows (key text PRIMARY KEY, payload bytea NOT NULL, version integer NOT NULL)");

        var run = Guid.NewGuid().ToString("N")[..8];
        var opened = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            opened.Add(await BenchMarketplace.OpenAsync(http, $"SEED{run}{i}"));
        }

        // A fresh gateway keeps recompiling the code that opens instances (tiered compilation) for tens of seconds, in the
        // background of whatever runs then. Measure a long-running gateway instead: open instances for a while, then let
        // the gateway finish compiling and go idle before the first workload, so no workload pays for another's warm-up.
        await LoadRun.ClosedLoopAsync("warm-up", Concurrency, WarmUp, i => Succeeds(http, BenchMarketplace.NewInstanceUrl($"WARM{run}{i}"), expectBody: true));
        if (!await gateway.WaitUntilIdleAsync()) Console.WriteLine("The gateway did not go idle within a minute after the warm-up; figures may include its warm-up.");

        Console.WriteLine($"Gateway process co-hosting a silo on PostgreSQL (fsync as configured by with-postgres.sh), {Concurrency} concurrent callers ({Callers} for the callbacks), {Duration.TotalSeconds:0} s per workload after a 2 s warm-up, all after {WarmUp.TotalSeconds:0} s of opening instances.");
        var trivial = await LoadRun.ClosedLoopAsync("GET /health on the same server (baseline)", Concurrency, Duration, _ => Succeeds(http, "/health", expectBody: false));
        var payload = new byte[StateBytes];
        var upserts = await LoadRun.ClosedLoopAsync($"PostgreSQL upsert, {StateBytes} B, Npgsql (baseline)", Concurrency, Duration,
            i => UpsertAsync(postgres, $"row{run}{i}", payload));
        var pgbench = await PgBench.RunAsync($"PostgreSQL upsert, {StateBytes} B, pgbench (baseline)", database, Concurrency, Duration,
            PgBenchUpsert, new Dictionary<string, string> { ["payload"] = Convert.ToHexString(payload) });
        var newInstance = await LoadRun.ClosedLoopAsync("V1 newInstance, new instance each call (durable)", Callers, Duration,
            i => Succeeds(http, BenchMarketplace.NewInstanceUrl($"BENCH{run}{i}"), expectBody: true));
        var halfPeak = await LoadRun.OpenLoopAsync("V1 newInstance at half of its peak rate", Callers, newInstance.PerSecond / 2, Duration,
            i => Succeeds(http, BenchMarketplace.NewInstanceUrl($"HALF{run}{i}"), expectBody: true));
        var repeats = await LoadRun.ClosedLoopAsync("V1 newInstance repeated (idempotent, no write)", Callers, Duration,
            i => Succeeds(http, BenchMarketplace.NewInstanceUrl($"SEED{run}{i % opened.Count}"), expectBody: true));
        var queries = new List<LoadResult>();
        foreach (var size in new[] { 1, 10, 100 })
        {
            queries.Add(await LoadRun.ClosedLoopAsync($"V1 queryInstance, {size} id(s) per call", Callers, Duration,
                i => Succeeds(http, BenchMarketplace.QueryUrl(opened.Skip(i % (opened.Count - size + 1)).Take(size)), expectBody: true)));
        }

        Console.WriteLine();
        Console.WriteLine($"{"workload",-52} {"calls/s",9} {"p50 ms",8} {"p99 ms",8} {"errors",7}");
        foreach (var r in new[] { trivial, pgbench, upserts, newInstance, halfPeak, repeats }.Concat(queries))
        {
            Console.WriteLine($"{r.Name,-52} {r.PerSecond,9:0} {r.P50Ms,8:0.0} {r.P99Ms,8:0.0} {r.Errors,7}");
        }

        Console.WriteLine();
        Console.WriteLine($"newInstance / pgbench upserts:    {newInstance.PerSecond / pgbench.PerSecond:0.00} (target ≥ 0.80)");
        Console.WriteLine($"newInstance / Npgsql upserts:     {newInstance.PerSecond / upserts.PerSecond:0.00}");
        Console.WriteLine($"newInstance / trivial endpoint:   {newInstance.PerSecond / trivial.PerSecond:0.00}");
        Console.WriteLine($"p99 at half of peak:              {halfPeak.P99Ms:0.0} ms (target < 50 ms)");

        // Every answered callback went through the gateway's CallbackRunner, which records it in the call history first.
        await using (var history = postgres.CreateCommand("SELECT count(*) FROM call_history"))
        {
            Console.WriteLine($"call-history entries written:     {(long)(await history.ExecuteScalarAsync())!:N0} (a queryInstance one per id)");
        }

        return 0;
    }

    private static async Task<bool> Succeeds(HttpClient http, string url, bool expectBody)
    {
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode && (!expectBody || body.AsSpan().IndexOf(Success) >= 0);
    }

    private static async Task<bool> UpsertAsync(NpgsqlDataSource postgres, string key, byte[] payload)
    {
        await using var command = postgres.CreateCommand(
            "INSERT INTO bench_rows (key, payload, version) VALUES (@key, @payload, 1) ON CONFLICT (key) DO UPDATE SET payload = excluded.payload, version = bench_rows.version + 1");
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("payload", payload);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    private static async Task Execute(NpgsqlDataSource postgres, string sql)
    {
        await using var command = postgres.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
