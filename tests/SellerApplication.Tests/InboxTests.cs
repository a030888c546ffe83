using System.Net;

namespace Provisioning.SellerApplication.Tests;

/// <summary>Events are taken once by webhook-id, and each stream's order of arrival is recorded and checked against versions.</summary>
public sealed class InboxTests : FakeSellerApplicationFixture
{
    [Fact]
    public async Task A_redelivery_under_the_same_id_is_answered_2xx_and_taken_once()
    {
        var body = WebhookSender.Event("instance.opened", "i-1", version: 1);

        using var first = await Sender.Deliver("evt-1", body);
        using var again = await Sender.Deliver("evt-1", body);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (first.StatusCode, again.StatusCode));
        var snapshot = App.Events.Snapshot();
        var taken = Assert.Single(snapshot.Events);
        Assert.Equal(2, taken.Deliveries);
        Assert.Equal(1, snapshot.Duplicates);
        Assert.Empty(snapshot.Conflicts);
    }

    [Fact]
    public async Task An_id_redelivered_with_other_data_is_flagged_as_a_conflict()
    {
        using var first = await Sender.Deliver("evt-1", WebhookSender.Event("instance.opened", "i-1", version: 1));
        using var changed = await Sender.Deliver("evt-1", WebhookSender.Event("instance.opened", "i-1", version: 1, extra: "changed"));

        var snapshot = App.Events.Snapshot();
        Assert.Equal(["evt-1"], snapshot.Conflicts);
        Assert.Single(snapshot.Events);
    }

    [Fact]
    public async Task Each_stream_records_its_distinct_events_in_the_order_they_arrived()
    {
        (string Id, string Type, string Instance)[] deliveries =
        [
            ("a1", "instance.opened", "i-a"), ("b1", "instance.opened", "i-b"), ("a2", "instance.frozen", "i-a"),
            ("a2", "instance.frozen", "i-a"), ("b2", "instance.released", "i-b"), ("a3", "instance.unfrozen", "i-a"),
        ];
        foreach (var (id, type, instance) in deliveries)
        {
            using var response = await Sender.Deliver(id, WebhookSender.Event(type, instance));
        }

        var snapshot = App.Events.Snapshot();
        Assert.Equal(["instance.opened", "instance.frozen", "instance.unfrozen"], snapshot.Stream(EventStreams.Instance("i-a")).Select(e => e.Type));
        Assert.Equal(["a1", "a2", "a3"], snapshot.Stream(EventStreams.Instance("i-a")).Select(e => e.Id));
        Assert.Equal(["b1", "b2"], snapshot.Stream(EventStreams.Instance("i-b")).Select(e => e.Id));
        Assert.Empty(snapshot.OutOfOrder);
    }

    [Fact]
    public async Task An_event_whose_version_is_not_above_an_earlier_one_of_its_stream_is_reported_out_of_order()
    {
        using var third = await Sender.Deliver("v3", WebhookSender.Event("instance.frozen", "i-1", version: 3));
        using var other = await Sender.Deliver("o1", WebhookSender.Event("instance.opened", "i-2", version: 1));
        using var second = await Sender.Deliver("v2", WebhookSender.Event("instance.renewed", "i-1", version: 2));
        using var fourth = await Sender.Deliver("v4", WebhookSender.Event("instance.unfrozen", "i-1", version: 4));

        var violation = Assert.Single(App.Events.Snapshot().OutOfOrder);
        Assert.Equal(new OrderViolation(EventStreams.Instance("i-1"), "v2", 2, 3), violation);
        Assert.Equal(["v3", "v2", "v4"], App.Events.Snapshot().Stream(EventStreams.Instance("i-1")).Select(e => e.Id));
    }
}
