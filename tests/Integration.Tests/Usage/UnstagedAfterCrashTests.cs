using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Placement;
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
/// A meter's silo dies with an hour of usage recorded but not yet staged; the hour then closes. The outbox must say so at
/// once, and the usage must be staged and pushed within push rounds, not at the meter's next hourly reminder.
/// </summary>
public sealed class UnstagedAfterCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string AccessKey = "unstaged-access-key";

    private static readonly ShiftedClock Clock = new();

    private FakeOpenApi _marketplace = null!;

    private sealed class ShiftedClockSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.Services.AddSingleton<TimeProvider>(Clock);
    }

    public async Task InitializeAsync() => _marketplace = await TestOpenApi.StartAsync(AccessKey);

    public async Task DisposeAsync() => await _marketplace.DisposeAsync();

    [Fact]
    public async Task Usage_left_unstaged_by_a_killed_silo_shows_in_the_outbox_at_once_and_is_pushed_within_seconds()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("unstaged");
        var builder = KillableCluster.Builder(database, "unstaged", new Dictionary<string, string>
        {
            ["KooGallery:AccessKey"] = AccessKey,
            ["KooGallery:OpenApi:BaseUrl"] = _marketplace.BaseUrl.ToString(),
            ["KooGallery:OpenApi:FallbackBaseUrl"] = "",
            // Only the push grain can stage the hour in time: the meter's own timer would run in an hour.
            ["Usage:StagePeriod"] = "01:00:00",
            ["Usage:PushPeriod"] = "00:00:00.300",
        });
        builder.AddSiloBuilderConfigurator<ShiftedClockSilo>();
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        // Twenty minutes into an hour: the meters' hourly reminders (five minutes past) are far away on either side.
        var now = Clock.GetUtcNow();
        Clock.Advance(UsageHours.Start(now).AddMinutes(80) - now);

        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var pusher = cluster.Client.GetUsagePush();
        await pusher.GetSummary();
        var pusherSilo = await management.GetActivationAddress(pusher);
        var victim = cluster.Silos.First(silo => !silo.SiloAddress.Equals(pusherSilo));
        var instance = await OpenOn(victim, cluster);
        var meter = cluster.Client.GetUsageMeter(new InstanceAddress(instance, Traffic.Live));
        Assert.Equal(victim.SiloAddress, await management.GetActivationAddress(meter));

        var hour = UsageHours.Start(Clock.GetUtcNow());
        var events = Enumerable.Range(0, 3).Select(i => new UsageEvent($"{instance}-{i}", 1.25m, Clock.GetUtcNow(), null)).ToList();
        Assert.All(await meter.Record(events), r => Assert.Equal(UsageEventStatus.Accepted, r.Status));

        await cluster.KillSiloAsync(victim);
        Clock.Advance(TimeSpan.FromHours(2));
        var closed = Stopwatch.StartNew();

        // The push grain may already be staging it; either way the hour is not reported as all clear.
        var summary = await pusher.GetSummary();
        Assert.Equal(hour, summary.OldestUnpushedHour);
        Assert.Contains((summary.UnstagedHours, summary.Pending), new[] { (1L, 0L), (0L, 1L) });

        await Eventually.True(() => _marketplace.Usage.Snapshot().TotalsByHour().GetValueOrDefault((instance, hour)) == 3.75m,
            "the unstaged hour reaches the marketplace", TimeSpan.FromSeconds(30));
        await Eventually.True(async () => await pusher.GetSummary() == new OutboxSummary(0, 0, null, 0, 0),
            "the outbox is clear once the hour is pushed", TimeSpan.FromSeconds(10));
        output.WriteLine($"The hour left unstaged by the killed silo was pushed {closed.Elapsed.TotalSeconds:0.0} s after it closed.");
    }

    /// <summary>Opens an instance whose grain, and the meter it activates, are placed on <paramref name="silo"/>.</summary>
    private static async Task<string> OpenOn(SiloHandle silo, TestCluster cluster)
    {
        RequestContext.Set(IPlacementDirector.PlacementHintKey, silo.SiloAddress);
        try
        {
            return await MeteringFaultTests.Open(cluster, $"UNSTAGED-{Guid.NewGuid():N}");
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }
}
