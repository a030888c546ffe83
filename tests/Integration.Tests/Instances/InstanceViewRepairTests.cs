using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;
using Provisioning.Grains;
using Provisioning.Grains.Events;
using Provisioning.Grains.Instances;
using Provisioning.Infrastructure.Postgres;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Instances;

/// <summary>
/// The query model and the outbox converge with the grain states after a silo dies between the state write and the projection,
/// and the list agrees with every instance's own answer.
/// </summary>
public sealed class InstanceViewRepairTests
{
    /// <summary>The production projection, failing while <see cref="Failing"/> is set (both silos of a test cluster share it).</summary>
    private sealed class FlakyProjection(NpgsqlDataSource database) : IInstanceProjection, IAsyncDisposable
    {
        public static volatile bool Failing;

        private readonly PostgresInstanceProjection _inner = new(database, new SellerEventNudge());

        public Task ProjectAsync(ProjectedInstance instance, IReadOnlyList<SellerEvent> events, CancellationToken cancellationToken) =>
            Failing ? Task.FromException(new InvalidOperationException("the projection is down")) : _inner.ProjectAsync(instance, events, cancellationToken);

        public ValueTask DisposeAsync() => _inner.DisposeAsync();
    }

    private sealed class FlakySilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.Services.AddSingleton<IInstanceProjection, FlakyProjection>();
    }

    private static async Task<TestCluster> StartAsync(string database)
    {
        var builder = KillableCluster.Builder(database, "views", new Dictionary<string, string>
        {
            ["InstanceViews:RepairPeriod"] = "00:00:01",
            // Nothing listens there: the events stay in the outbox, where the test reads them.
            ["SellerApplication:EventsUrl"] = "http://127.0.0.1:9/events",
            ["SellerApplication:SigningSecret"] = "whsec_" + Convert.ToBase64String(new byte[32]),
        });
        builder.AddSiloBuilderConfigurator<FlakySilo>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static OpenInstance Order(string orderId, string customer = "customer") => new(
        orderId, new Buyer(customer, "buyer", "user-1", "login", "13800000000", "b@example.com"),
        new Plan("00301-666666-0--0", "sku-basic", ChargingMode.Periodic, Quantities.None, "month", 1),
        Trial: false, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), 10m, ImmutableDictionary<string, string>.Empty);

    private static InstanceAddress AddressOf(string orderId) => new(InstanceIds.Derive(OrderKey.ForOrder(orderId), Traffic.Live), Traffic.Live);

    [Fact]
    public async Task A_silo_killed_after_the_state_write_but_before_the_projection_leaves_a_row_and_events_the_repair_writes()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("views_repair");
        await using var cluster = await StartAsync(database);
        var victim = cluster.Silos[1];
        var orderId = "REPAIR-" + Guid.NewGuid().ToString("N");
        var address = AddressOf(orderId);

        FlakyProjection.Failing = true;
        try
        {
            RequestContext.Set(IPlacementDirector.PlacementHintKey, victim.SiloAddress);
            var opened = await cluster.Client.GetInstance(address).Open(Order(orderId));
            await cluster.Client.GetInstance(address).Freeze(new FreezeInstance("F-1"));
            Assert.Equal(InstanceOutcome.Applied, opened.Outcome);
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }

        Assert.Equal(0L, await Count(database, "instance_views"));
        Assert.Equal(0L, await Count(database, "seller_event_outbox"));

        // The victim dies holding the events in memory: only what its state writes stored can bring them back.
        await cluster.KillSiloAsync(victim);
        FlakyProjection.Failing = false;

        await Eventually.True(async () => await Count(database, "seller_event_outbox") == 2, "the repair recorded both events", TimeSpan.FromSeconds(60));
        var stream = SellerEventStreams.Of(address);
        var events = await Sql.QueryAsync(database, "SELECT event_id, event_type FROM seller_event_outbox ORDER BY seq", r => (r.GetString(0), r.GetString(1)));
        Assert.Equal([(InstanceEvents.IdOf(stream, 1), "instance.opened"), (InstanceEvents.IdOf(stream, 2), "instance.frozen")], events);
        var row = await Sql.QueryAsync(database, "SELECT status, version, storage_version FROM instance_views", r => (r.GetString(0), r.GetInt64(1), r.GetInt32(2)));
        Assert.Equal([("frozen", 2L, 2)], row);
    }

    [Fact]
    public async Task After_a_mixed_run_the_list_agrees_with_every_instance()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("views_agree");
        await using var cluster = await StartAsync(database);
        var grains = cluster.Client;
        var orders = Enumerable.Range(0, 24).Select(i => $"MIX-{i:D2}-{Guid.NewGuid():N}").ToList();

        await Task.WhenAll(orders.Select((orderId, i) => grains.GetInstance(AddressOf(orderId)).Open(Order(orderId, "c-" + i % 3))));
        // A fifth of the changes find the projection down: the repair must bring those rows back in line.
        for (var i = 0; i < orders.Count; i++)
        {
            var grain = grains.GetInstance(AddressOf(orders[i]));
            FlakyProjection.Failing = i % 5 == 0;
            if (i % 2 == 0) await grain.Freeze(new FreezeInstance(null));
            if (i % 3 == 0) await grain.Renew(new RenewInstance("R-" + i, new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero), RenewalKind.Renewal, null, null, null, 1m));
            if (i % 4 == 0) await grain.Upgrade(new UpgradeInstance("U-" + i, "00301-666666-0--1", "sku-pro", Quantities.None));
            if (i % 7 == 0) await grain.Release(new ReleaseInstance(null, null));
        }

        FlakyProjection.Failing = false;
        var snapshots = await Task.WhenAll(orders.Select(o => grains.GetInstance(AddressOf(o)).Get()));
        await Eventually.True(async () => Agree(await ListAll(grains), snapshots!), "the list agrees with every instance's snapshot", TimeSpan.FromSeconds(60));
    }

    private static bool Agree(IReadOnlyList<InstanceView> listed, InstanceSnapshot[] snapshots) =>
        listed.Count == snapshots.Length
        && snapshots.All(s => listed.SingleOrDefault(v => v.InstanceId == s.InstanceId) is { } v
            && v.Status == s.Status && v.ExpiresAt == s.ExpiresAt && v.ProductId == s.Plan?.ProductId && v.SkuCode == s.Plan?.SkuCode
            && v.CustomerId == s.Buyer?.CustomerId && v.OpeningOrderId == s.OrderId);

    private static async Task<IReadOnlyList<InstanceView>> ListAll(IGrainFactory grains)
    {
        var all = new List<InstanceView>();
        for (string? after = null; ;)
        {
            var page = await grains.GetInstanceCatalog().List(new InstanceQuery(Traffic.Live, null, null, null, null, after, 5));
            all.AddRange(page.Instances);
            if (page.NextAfter is null) return all;
            after = page.NextAfter;
        }
    }

    private static async Task<long> Count(string database, string table) =>
        (await Sql.QueryAsync(database, $"SELECT count(*) FROM {table}", r => r.GetInt64(0)))[0];
}
