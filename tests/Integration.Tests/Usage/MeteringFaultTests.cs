using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Usage;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.Marketplace.OpenApi;
using Provisioning.Testing;
using Xunit.Abstractions;

namespace Provisioning.Integration.Tests.Usage;

/// <summary>
/// Every unit of usage is billed once: two silos on PostgreSQL push to a fake usage receiver that fails with 500s and answers
/// too late (so records arrive twice), a silo is killed in the middle of the hour, and usage arrives after its hour was pushed.
/// </summary>
public sealed class MeteringFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AccessKey = "metering-access-key";

    /// <summary>Shared by the in-process silos, so the test can close hours by moving "now".</summary>
    private static readonly ShiftedClock Clock = new();

    private readonly ConcurrentQueue<string> _calls = new();
    private FakeOpenApi _marketplace = null!;

    /// <summary>Added after the production configuration, so its clock replaces the system's.</summary>
    private sealed class ShiftedClockSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.Services.AddSingleton<TimeProvider>(Clock);
    }

    public async Task InitializeAsync() => _marketplace = await TestOpenApi.StartAsync(AccessKey, _calls.Enqueue);

    public async Task DisposeAsync() => await _marketplace.DisposeAsync();

    [Fact]
    public async Task Usage_reaches_the_marketplace_exactly_once_through_failures_a_killed_silo_and_late_events()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("metering");
        var builder = KillableCluster.Builder(database, "metering", new Dictionary<string, string>
        {
            ["KooGallery:AccessKey"] = AccessKey,
            ["KooGallery:OpenApi:BaseUrl"] = _marketplace.BaseUrl.ToString(),
            ["KooGallery:OpenApi:FallbackBaseUrl"] = "",
            ["KooGallery:OpenApi:Timeout"] = "00:00:00.500",
            ["KooGallery:OpenApi:MaxRetries"] = "1",
            ["KooGallery:OpenApi:RetryDelay"] = "00:00:00.050",
            ["Usage:StagePeriod"] = "00:00:00.200",
            ["Usage:PushPeriod"] = "00:00:00.300",
            ["Usage:RetryDelay"] = "00:00:00.200",
            ["Usage:MaxRetryDelay"] = "00:00:01",
        });
        builder.AddSiloBuilderConfigurator<ShiftedClockSilo>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var instances = new List<string>();
        for (var i = 0; i < 8; i++) instances.Add(await Open(cluster, $"METER{i}-{Guid.NewGuid():N}"));
        var ingested = new Dictionary<(string, DateTimeOffset), decimal>();
        var random = new Random(7);

        async Task ReportAll(int round, DateTimeOffset occurredAt)
        {
            foreach (var instance in instances)
            {
                var events = Enumerable.Range(0, 5).Select(e => new UsageEvent($"{instance}-{round}-{e}", random.Next(1, 10_000) / 100m, occurredAt, null)).ToList();
                var results = await KillableCluster.Surviving(() => cluster.Client.GetUsageMeter(new InstanceAddress(instance, Traffic.Live)).Record(events));
                // A retry after an answer was lost finds the events recorded: that is the same usage, counted once.
                Assert.All(results, r => Assert.NotEqual(UsageEventStatus.Rejected, r.Status));
                var key = (instance, UsageHours.Start(occurredAt));
                ingested[key] = ingested.GetValueOrDefault(key) + events.Sum(e => e.Quantity);
                Assert.All(await KillableCluster.Surviving(() => cluster.Client.GetUsageMeter(new InstanceAddress(instance, Traffic.Live)).Record(events)),
                    r => Assert.Equal(UsageEventStatus.Duplicate, r.Status));
            }
        }

        var opened = Clock.GetUtcNow();
        await ReportAll(0, opened);
        await cluster.KillSiloAsync(cluster.SecondarySilos[0]);
        await ReportAll(1, Clock.GetUtcNow());

        foreach (var fault in new[] { UsageFault.Error, UsageFault.Timeout, UsageFault.Error, UsageFault.Timeout }) _marketplace.Faults.Inject(fault, 1);
        Clock.Advance(TimeSpan.FromHours(2));
        await WaitForTotals(cluster, instances, ingested);

        await ReportAll(2, opened);
        await WaitForTotals(cluster, instances, ingested);

        output.WriteLine(string.Join(Environment.NewLine, _calls));
        Assert.Equal(0, _marketplace.Faults.Pending);
        var usage = _marketplace.Usage.Snapshot();
        Assert.Empty(usage.Conflicts);
        Assert.Equal(0, usage.RefusedPushes);
        var distinct = usage.Records.Count;
        Assert.True(usage.Deliveries() > distinct, "no record arrived twice, so the late answers were not exercised");
        Assert.True(distinct >= 2 * instances.Count, "every instance's hour needs its record and the late usage's correction");
        output.WriteLine($"{distinct} records ({usage.Deliveries()} deliveries in {_calls.Count} calls) carried {ingested.Values.Sum()} units for {instances.Count} instances.");
    }

    private async Task WaitForTotals(TestCluster cluster, IReadOnlyList<string> instances, IReadOnlyDictionary<(string, DateTimeOffset), decimal> ingested)
    {
        // A meter whose silo died comes back when it is next called; its hourly reminder would do the same, later.
        foreach (var instance in instances)
        {
            await KillableCluster.Surviving(() => cluster.Client.GetUsageMeter(new InstanceAddress(instance, Traffic.Live)).GetStatement());
        }

        await Eventually.True(() => _marketplace.Usage.Snapshot().TotalsByHour().OrderBy(t => t.Key).SequenceEqual(ingested.OrderBy(t => t.Key)),
            "the marketplace has taken exactly what was ingested for every instance", TimeSpan.FromSeconds(60));
    }

    internal static async Task<string> Open(TestCluster cluster, string orderId)
    {
        var address = new InstanceAddress(InstanceIds.Derive(OrderKey.ForOrder(orderId), Traffic.Live), Traffic.Live);
        var reply = await cluster.Client.GetInstance(address).Open(new OpenInstance(
            orderId, new Buyer("customer", "buyer", null, null, null, null), new Plan("00301-666666-0--0", "sku", ChargingMode.PayPerUse, Quantities.None, null, null),
            Trial: false, ExpiresAt: null, 0m, ImmutableDictionary<string, string>.Empty));
        Assert.Equal(InstanceOutcome.Applied, reply.Outcome);
        return address.InstanceId;
    }
}
