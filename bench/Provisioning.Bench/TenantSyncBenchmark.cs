using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Tenants;
using Provisioning.Infrastructure.Hosting;

namespace Provisioning.Bench;

/// <summary>
/// Issue 4's scale target: a 500-user authSync and a 5,000-department allOrgSync must each finish in under 1 s for a tenant
/// already holding 50,000 users and 5,000 departments, at a cost that does not grow with the tenant. Every sync goes through
/// a real silo (tenant grain, durable PostgreSQL writes); the baseline is the same syncs on an empty tenant in the same run.
/// </summary>
internal static class TenantSyncBenchmark
{
    private const int SeededUsers = 50_000;
    private const int BatchUsers = 500;
    private const int Departments = 5_000;
    private const int Runs = 20;

    public static async Task<int> RunAsync()
    {
        var database = await BenchDatabase.CreateAsync();

        using var silo = await StartSiloAsync(database);
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var big = grains.GetTenant(new TenantAddress("bench-big", Traffic.Live));
        var empty = new Func<int, ITenantGrain>(run => grains.GetTenant(new TenantAddress($"bench-empty-{run}", Traffic.Live)));

        Console.WriteLine($"Seeding one tenant with {SeededUsers:N0} users and {Departments:N0} departments…");
        var seedStarted = DateTime.UtcNow;
        for (var batch = 0; batch < SeededUsers / BatchUsers; batch++)
        {
            await big.SyncUsers(Batch($"seed{batch:D3}-", DateTimeOffset.UtcNow));
        }

        await big.ReplaceDepartments(DepartmentList("v0"));
        Console.WriteLine($"Seeded in {(DateTime.UtcNow - seedStarted).TotalSeconds:0.0} s; {(await big.GetUsers(0, SeededUsers + 1)).Count:N0} users stored.");
        Console.WriteLine();

        Measurement[] rows =
        [
            await Measurement.TakeAsync("authSync 500 new users, empty tenant (baseline)", Runs, run => empty(run).SyncUsers(Batch($"new{run}-", DateTimeOffset.UtcNow))),
            await Measurement.TakeAsync("authSync 500 new users, 50,000-user tenant", Runs, run => big.SyncUsers(Batch($"new{run}-", DateTimeOffset.UtcNow))),
            await Measurement.TakeAsync("authSync 500 changed users, 50,000-user tenant", Runs, run => big.SyncUsers(Batch("seed000-", DateTimeOffset.UtcNow, $"Name {run}"))),
            await Measurement.TakeAsync("allOrgSync 5,000 departments, empty tenant (baseline)", Runs, run => empty(run).ReplaceDepartments(DepartmentList($"r{run}"))),
            await Measurement.TakeAsync("allOrgSync 5,000 departments, 50,000-user tenant", Runs, run => big.ReplaceDepartments(DepartmentList($"r{run}"))),
        ];

        Console.WriteLine($"{"workload",-56} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"p50/baseline",13}");
        foreach (var row in rows)
        {
            var baseline = row.Name.StartsWith("authSync", StringComparison.Ordinal) ? rows[0] : rows[3];
            Console.WriteLine($"{row.Name,-56} {row.P50,8:0.0} {row.P95,8:0.0} {row.Max,8:0.0} {row.P50 / baseline.P50,13:0.00}");
        }

        var worst = rows.Max(r => r.Max);
        Console.WriteLine();
        Console.WriteLine($"Target: every sync under 1,000 ms. Slowest single sync: {worst:0.0} ms — {(worst < 1000 ? "met" : "NOT met")}.");
        await silo.StopAsync();
        return 0;
    }

    private static UserSync Batch(string prefix, DateTimeOffset at, string name = "Zhang San") =>
        new("app-1", [.. Enumerable.Range(0, BatchUsers).Select(i =>
            new DirectoryUser($"{prefix}{i:D3}", name, $"org{i % 100}", "Engineer", $"E{i}", 1, i == 0, true, null, null, "Nanjing", "2022-11-9"))],
            at, SyncAction.Add);

    // Each run renames the departments and moves a tenth of them, so every run writes real changes.
    private static Department[] DepartmentList(string version) =>
        [.. Enumerable.Range(0, Departments).Select(i => new Department($"d{i:D5}", $"Department {i} {version}", i < 10 ? null : $"d{(i + version.Length) % 10:D5}"))];

    private static async Task<IHost> StartSiloAsync(string database)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Provisioning"] = database,
            ["Orleans:Endpoints:AdvertisedIPAddress"] = "127.0.0.1",
        });
        builder.UseOrleans(silo => silo.AddProvisioning(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
