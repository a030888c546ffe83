using Provisioning.Grains.Instances;
using TestOrders = Provisioning.Grains.Tests.Instances.Orders;

namespace Provisioning.Grains.Tests.Events;

/// <summary>Which silos record events at all: none without an events URL, test traffic's only when asked, none for a change that was not stored.</summary>
public sealed class EventPolicyTests
{
    private static InstanceAddress NewAddress(Traffic traffic) => new(InstanceIds.Derive(OrderKey.ForOrder(TestOrders.NewOrderId()), traffic), traffic);

    [Fact]
    public async Task Without_an_events_url_no_event_is_recorded_but_the_query_model_is_kept()
    {
        await using var cluster = await EventsCluster.StartAsync(eventsEnabled: false);
        var address = NewAddress(Traffic.Live);

        await cluster.Grains.GetInstance(address).Open(TestOrders.Open());

        Assert.Empty(cluster.Outbox.Events);
        Assert.Equal(InstanceStatus.Active, (await cluster.RowOf(address))!.Status);
    }

    [Fact]
    public async Task Test_traffic_makes_events_when_the_seller_asked_for_them()
    {
        await using var cluster = await EventsCluster.StartAsync(includeTestTraffic: true);
        var address = NewAddress(Traffic.Test);

        await cluster.Grains.GetInstance(address).Open(TestOrders.Open());

        var e = Assert.Single(cluster.EventsOf(address));
        Assert.Equal("instance.opened", e.Type);
        Assert.Equal(Traffic.Test, e.Traffic);
        Assert.StartsWith("instance:test/", e.Stream);
    }

    [Fact]
    public async Task A_change_whose_state_write_failed_makes_no_event_and_no_row()
    {
        await using var cluster = await EventsCluster.StartAsync(failingWrites: true);
        var address = NewAddress(Traffic.Live);

        await Assert.ThrowsAnyAsync<Exception>(() => cluster.Grains.GetInstance(address).Open(TestOrders.Open()));

        Assert.Empty(cluster.Outbox.Events);
        Assert.Null(await cluster.RowOf(address));
        Assert.Equal(0, cluster.Projection.Calls);
    }
}
