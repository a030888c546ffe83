using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Provisioning.Infrastructure.Postgres;

namespace Provisioning.Bench;

/// <summary>
/// Issue 16's target: every console page loads in under a second with 100,000 instances. The query model is filled as for
/// <see cref="InstanceListBenchmark"/>, a gateway (a co-hosted silo on PostgreSQL) is started on it, an operator signs in, and
/// each page is fetched 20 times after a warm-up; the seller API's JSON list of the same instances is the baseline of the run.
/// </summary>
internal static partial class ConsolePagesBenchmark
{
    private const string AdminKey = "bench-admin-key";
    private const int Runs = 20;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public static async Task<int> RunAsync()
    {
        var connectionString = await BenchDatabase.CreateAsync();
        await ProvisioningDatabase.MigrateAsync(connectionString, NullLogger.Instance);
        string deepAfter;
        await using (var database = NpgsqlDataSource.Create(connectionString))
        {
            await InstanceListBenchmark.FillAsync(database);
            await using (var analyze = database.CreateCommand("VACUUM ANALYZE instance_views")) await analyze.ExecuteNonQueryAsync();
            await using var deep = database.CreateCommand("SELECT instance_id FROM instance_views ORDER BY instance_id OFFSET 99900 LIMIT 1");
            deepAfter = (string)(await deep.ExecuteScalarAsync())!;
        }

        var settings = new Dictionary<string, string>(BenchMarketplace.GatewayKeys()) { ["SellerApi:AdminKey"] = AdminKey, ["SellerApi:Key"] = "bench-read-key" };
        await using var gateway = await GatewayProcess.StartAsync(connectionString, settings);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = gateway.Address };
        await SignInAsync(browser);
        using var api = new HttpClient { BaseAddress = gateway.Address };
        api.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);

        Console.WriteLine($"{InstanceListBenchmark.Instances:N0} instances in instance_views (PostgreSQL); each page fetched {Runs} times after one warm-up.");
        Console.WriteLine();
        Console.WriteLine($"{"page",-58} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
        var baseline = await TimeAsync(api, "/api/instances?limit=50 (JSON baseline)", "/api/instances?limit=50");
        foreach (var (name, path) in new[]
                 {
                     ("/console (overview: counts, outbox, calls, silos)", "/console"),
                     ("/console/instances (first page of 50)", "/console/instances"),
                     ("/console/instances after the 99,900th", $"/console/instances?after={Uri.EscapeDataString(deepAfter)}"),
                     ("/console/instances?status=frozen&customer=customer-5", "/console/instances?status=frozen&customer=customer-5"),
                     ("/console/instances?expiringBefore=2027-02-01", "/console/instances?expiringBefore=2027-02-01"),
                     ("/console/webhooks", "/console/webhooks"),
                     ("/console/usage", "/console/usage"),
                 })
        {
            var page = await TimeAsync(browser, name, path);
            Console.WriteLine($"  p50 / JSON baseline p50: {page.P50 / baseline.P50:0.0}");
        }

        return 0;
    }

    private static async Task SignInAsync(HttpClient browser)
    {
        var token = AntiforgeryToken().Match(await browser.GetStringAsync("/console/signin")).Groups[1].Value;
        using var signedIn = await browser.PostAsync("/console/signin",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = AdminKey, ["__RequestVerificationToken"] = token }));
        if (signedIn.Headers.Location?.OriginalString != "/console") throw new InvalidOperationException($"sign-in answered {(int)signedIn.StatusCode}");
    }

    private static async Task<Measurement> TimeAsync(HttpClient client, string name, string path)
    {
        await FetchAsync(client, path);
        var measured = await Measurement.TakeAsync(name, Runs, _ => FetchAsync(client, path));
        Console.WriteLine($"{name,-58} {measured.P50,8:0.0} {measured.P95,8:0.0} {measured.Max,8:0.0}");
        return measured;
    }

    private static async Task FetchAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
        await response.Content.ReadAsByteArrayAsync();
    }
}
