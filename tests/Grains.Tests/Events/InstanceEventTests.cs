using System.Text.Json;
using Provisioning.Grains.Events;
using Provisioning.Grains.Instances;
using TestOrders = Provisioning.Grains.Tests.Instances.Orders;
using Provisioning.Testing;

namespace Provisioning.Grains.Tests.Events;

/// <summary>Every applied transition of an instance makes its event for the seller's application, once, with a stable id.</summary>
public sealed class InstanceEventTests : IAsyncLifetime
{
    private EventsCluster _events = null!;

    public async Task InitializeAsync() => _events = await EventsCluster.StartAsync();

    public async Task DisposeAsync() => await _events.DisposeAsync();

    private static InstanceAddress NewAddress(Traffic traffic = Traffic.Live) =>
        new(InstanceIds.Derive(OrderKey.ForOrder(TestOrders.NewOrderId()), traffic), traffic);

    private ISaasInstanceGrain Grain(InstanceAddress address) => _events.Grains.GetInstance(address);

    private IEnumerable<string> TypesOf(InstanceAddress address) => _events.EventsOf(address).Select(e => e.Type);

    [Fact]
    public async Task Each_applied_transition_makes_one_event_and_repeats_make_none()
    {
        var address = NewAddress();
        var grain = Grain(address);
        var expiry = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var open = TestOrders.Open();
        await grain.Open(open);
        await grain.Open(open);
        await grain.Renew(TestOrders.Renew("R1", expiry));
        await grain.Renew(TestOrders.Renew("R1", expiry));
        await grain.Freeze(new FreezeInstance(null));
        await grain.Freeze(new FreezeInstance(null));
        await grain.Unfreeze(new UnfreezeInstance(null));
        await grain.Upgrade(TestOrders.Upgrade("U1"));
        await grain.Release(new ReleaseInstance(null, null));
        await grain.Release(new ReleaseInstance(null, null));

        Assert.Equal(
            ["instance.opened", "instance.renewed", "instance.frozen", "instance.unfrozen", "instance.upgraded", "instance.released"],
            TypesOf(address));
        var stream = SellerEventStreams.Of(address);
        Assert.Equal([.. Enumerable.Range(1, 6).Select(n => InstanceEvents.IdOf(stream, n))], _events.EventsOf(address).Select(e => e.EventId));
        Assert.All(_events.EventsOf(address), e => Assert.Matches("^evt_[0-9a-f]{32}$", e.EventId));
    }

    [Fact]
    public async Task A_renewal_of_a_frozen_instance_makes_renewed_then_unfrozen()
    {
        var address = NewAddress();
        await Grain(address).Open(TestOrders.Open());
        await Grain(address).Freeze(new FreezeInstance(null));

        await Grain(address).Renew(TestOrders.Renew("R1", DateTimeOffset.UtcNow.AddYears(1)));

        Assert.Equal(["instance.opened", "instance.frozen", "instance.renewed", "instance.unfrozen"], TypesOf(address));
    }

    [Fact]
    public async Task A_renewal_with_a_change_makes_renewed_then_upgraded()
    {
        var address = NewAddress();
        await Grain(address).Open(TestOrders.Open());
        var renewal = TestOrders.NewOrderId();
        ScriptedOrders.Script(renewal, line => Task.FromResult(ScriptedOrders.Line(renewal, line, sku: "sku-pro")));

        await Grain(address).Renew(TestOrders.Renew(renewal, DateTimeOffset.UtcNow.AddYears(1), RenewalKind.RenewalWithChange) with { OrderLineId = renewal + "-1" });

        Assert.Equal(["instance.opened", "instance.renewed", "instance.upgraded"], TypesOf(address));
        Assert.Equal("sku-pro", Data(_events.EventsOf(address)[^1]).GetProperty("skuCode").GetString());
    }

    [Fact]
    public async Task V2_provisioning_makes_no_event_on_accepting_and_opened_on_opening()
    {
        var orderId = TestOrders.NewOrderId();
        var lineId = orderId + "-000001";
        var address = new InstanceAddress(InstanceIds.Derive(OrderKey.ForOrderLine(orderId, lineId), Traffic.Live), Traffic.Live);
        var line = new TaskCompletionSource<Provisioning.Grains.Orders.OrderLine>();
        ScriptedOrders.Script(orderId, _ => line.Task);

        var accepted = await Grain(address).Provision(new ProvisionInstance(orderId, lineId, TimeSpan.FromMilliseconds(50)));
        Assert.Equal(InstanceOutcome.InProgress, accepted.Outcome);
        Assert.Empty(TypesOf(address));
        Assert.Equal(InstanceStatus.Provisioning, (await _events.RowOf(address))!.Status);

        line.SetResult(ScriptedOrders.Line(orderId, lineId));
        await Eventually.True(() => Task.FromResult(TypesOf(address).Any()), "the instance opened", TimeSpan.FromSeconds(10));

        Assert.Equal(["instance.opened"], TypesOf(address));
        Assert.Equal(InstanceStatus.Active, (await _events.RowOf(address))!.Status);
    }

    [Fact]
    public async Task The_data_carries_ids_and_the_plan_but_no_contact_details_or_credentials()
    {
        var address = NewAddress();
        var open = TestOrders.Open();
        var reply = await Grain(address).Open(open);

        var e = Assert.Single(_events.EventsOf(address));
        var data = Data(e);
        Assert.Equal(
            ["instanceId", "test", "status", "productId", "skuCode", "chargingMode", "trial", "expiresAt", "orderId", "customerId", "userId", "version", "occurredAt"],
            data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(address.InstanceId, data.GetProperty("instanceId").GetString());
        Assert.Equal("active", data.GetProperty("status").GetString());
        Assert.Equal("periodic", data.GetProperty("chargingMode").GetString());
        Assert.Equal(open.OrderId, data.GetProperty("orderId").GetString());
        Assert.Equal(open.Buyer.CustomerId, data.GetProperty("customerId").GetString());
        Assert.Equal(1, data.GetProperty("version").GetInt64());
        Assert.Equal(Traffic.Live, e.Traffic);
        foreach (var secret in new[] { open.Buyer.MobilePhone!, open.Buyer.Email!, open.Buyer.CustomerName!, reply.Instance!.Access!.Password!, "admin" })
        {
            Assert.DoesNotContain(secret, e.Data);
        }
    }

    [Fact]
    public async Task The_query_model_row_follows_every_change()
    {
        var address = NewAddress();
        var open = TestOrders.Open();
        await Grain(address).Open(open);
        await Grain(address).Freeze(new FreezeInstance("F1"));

        var row = (await _events.RowOf(address))!;

        Assert.Equal(InstanceStatus.Frozen, row.Status);
        Assert.Equal(2, row.Version);
        Assert.Equal(open.OrderId, row.OpeningOrderId);
        Assert.Equal("F1", row.LastOrderId);
        Assert.Equal(open.Buyer.CustomerId, row.CustomerId);
        Assert.Equal(open.Plan.SkuCode, row.SkuCode);
    }

    [Fact]
    public async Task A_failed_projection_is_repaired_on_the_next_activation_with_the_same_event_ids()
    {
        var address = NewAddress();
        _events.Projection.Failing = true;
        try
        {
            var reply = await Grain(address).Open(TestOrders.Open());
            await Grain(address).Freeze(new FreezeInstance(null));

            Assert.Equal(InstanceOutcome.Applied, reply.Outcome);
            Assert.Empty(TypesOf(address));
            Assert.Null(await _events.RowOf(address));
        }
        finally
        {
            _events.Projection.Failing = false;
        }

        await _events.DeactivateAllAsync();
        await Grain(address).Get();

        var stream = SellerEventStreams.Of(address);
        Assert.Equal([InstanceEvents.IdOf(stream, 1), InstanceEvents.IdOf(stream, 2)], _events.EventsOf(address).Select(e => e.EventId));
        Assert.Equal(["instance.opened", "instance.frozen"], TypesOf(address));
        Assert.Equal(InstanceStatus.Frozen, (await _events.RowOf(address))!.Status);
    }

    [Fact]
    public async Task Reprojecting_writes_nothing_twice()
    {
        var address = NewAddress();
        await Grain(address).Open(TestOrders.Open());
        var first = _events.EventsOf(address);

        await Grain(address).Reproject();
        await _events.DeactivateAllAsync();
        await Grain(address).Reproject();

        Assert.Equal(first, _events.EventsOf(address));
        Assert.Equal(1, (await _events.RowOf(address))!.Version);
    }

    [Fact]
    public async Task Test_traffic_makes_no_events_unless_the_seller_asked_for_them_but_is_in_the_query_model()
    {
        var address = NewAddress(Traffic.Test);

        await Grain(address).Open(TestOrders.Open());

        Assert.Empty(TypesOf(address));
        Assert.Equal(InstanceStatus.Active, (await _events.RowOf(address))!.Status);
    }

    private static JsonElement Data(SellerEvent e) => JsonDocument.Parse(e.Data).RootElement;
}
