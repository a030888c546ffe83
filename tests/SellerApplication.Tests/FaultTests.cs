using System.Diagnostics;
using System.Net;

namespace Provisioning.SellerApplication.Tests;

/// <summary>Each injected fault plays on the deliveries it names, and the sender's re-delivery under the same id then gets through.</summary>
public sealed class FaultTests : FakeSellerApplicationFixture
{
    [Fact]
    public async Task The_first_deliveries_of_a_type_fail_with_500_and_are_not_taken_until_a_redelivery()
    {
        App.EventFaults.Inject(new FaultRule(DeliveryFault.Error, 2, "instance.opened"));
        var opened = WebhookSender.Event("instance.opened", "i-1");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Sender.Deliver("evt-1", opened);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.NoContent], statuses);
        var taken = Assert.Single(App.Events.Snapshot().Events);
        Assert.Equal(3, taken.Deliveries);
        Assert.Equal((0, 2), (App.EventFaults.Pending, App.EventFaults.Played));
    }

    [Fact]
    public async Task A_fault_for_one_type_leaves_other_types_alone()
    {
        App.EventFaults.Inject(new FaultRule(DeliveryFault.Error, 1, "instance.released"));

        using var opened = await Sender.Deliver("evt-1", WebhookSender.Event("instance.opened", "i-1"));
        using var released = await Sender.Deliver("evt-2", WebhookSender.Event("instance.released", "i-1"));

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.InternalServerError), (opened.StatusCode, released.StatusCode));
        Assert.Equal(["evt-1"], App.Events.Snapshot().Events.Select(e => e.Id));
        Assert.Equal(1, App.Events.Snapshot().FaultedNeverTaken);
    }

    [Fact]
    public async Task A_late_answer_comes_after_the_delay_with_the_event_taken()
    {
        App.EventFaults.Inject(new FaultRule(DeliveryFault.Late, 1, Delay: TimeSpan.FromSeconds(1)));
        var clock = Stopwatch.StartNew();

        using var response = await Sender.Deliver("evt-1", WebhookSender.Event("instance.opened", "i-1"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"answered after {clock.Elapsed}");
        Assert.Single(App.Events.Snapshot().Events);
    }

    [Fact]
    public async Task A_sender_that_gives_up_on_a_late_answer_and_redelivers_is_deduped()
    {
        App.EventFaults.Inject(new FaultRule(DeliveryFault.Late, 1, Delay: TimeSpan.FromSeconds(5)));
        var body = WebhookSender.Event("instance.opened", "i-1");
        using var impatient = NewClient(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => new WebhookSender(impatient, Secret).Deliver("evt-1", body));
        using var again = await Sender.Deliver("evt-1", body);

        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        var snapshot = App.Events.Snapshot();
        Assert.Equal(2, Assert.Single(snapshot.Events).Deliveries);
        Assert.Equal(1, snapshot.Duplicates);
    }

    [Fact]
    public async Task A_dropped_connection_gets_no_answer_and_takes_nothing()
    {
        App.EventFaults.Inject(new FaultRule(DeliveryFault.Drop, 1));
        var body = WebhookSender.Event("instance.opened", "i-1");

        await Assert.ThrowsAsync<HttpRequestException>(() => Sender.Deliver("evt-1", body));
        Assert.Empty(App.Events.Snapshot().Events);

        using var again = await Sender.Deliver("evt-1", body);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(2, Assert.Single(App.Events.Snapshot().Events).Deliveries);
    }

    [Fact]
    public async Task A_silent_delivery_is_taken_and_its_connection_closed_unanswered()
    {
        App.EventFaults.Inject(new FaultRule(DeliveryFault.Silent, 1));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<HttpRequestException>(() => Sender.Deliver("evt-1", WebhookSender.Event("instance.opened", "i-1")));

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"closed after {clock.Elapsed}");
        Assert.Single(App.Events.Snapshot().Events);
    }

    [Fact]
    public async Task Faults_play_in_the_order_queued_one_per_delivery()
    {
        App.EventFaults.Inject(new FaultRule(DeliveryFault.Drop, 1));
        App.EventFaults.Inject(new FaultRule(DeliveryFault.Error, 1));
        var body = WebhookSender.Event("instance.opened", "i-1");

        await Assert.ThrowsAsync<HttpRequestException>(() => Sender.Deliver("evt-1", body));
        using var second = await Sender.Deliver("evt-1", body);
        using var third = await Sender.Deliver("evt-1", body);

        Assert.Equal((HttpStatusCode.InternalServerError, HttpStatusCode.NoContent), (second.StatusCode, third.StatusCode));
        Assert.Equal(3, Assert.Single(App.Events.Snapshot().Events).Deliveries);
    }

    [Theory]
    [InlineData(DeliveryFault.Error, 0, null)]
    [InlineData(DeliveryFault.Error, 1001, null)]
    [InlineData(DeliveryFault.Late, 1, null)]
    [InlineData(DeliveryFault.Late, 1, -1.0)]
    [InlineData(DeliveryFault.Late, 1, 121.0)]
    public void A_rule_that_cannot_be_played_is_refused(DeliveryFault fault, int count, double? delaySeconds)
    {
        var rule = new FaultRule(fault, count, Delay: delaySeconds is { } s ? TimeSpan.FromSeconds(s) : null);

        Assert.Throws<ArgumentException>(() => App.EventFaults.Inject(rule));
        Assert.Equal(0, App.EventFaults.Pending);
    }

    [Fact]
    public async Task A_signature_refusal_plays_no_fault()
    {
        App.EventFaults.Inject(new FaultRule(DeliveryFault.Error, 1));

        using var refused = await Sender.Post(FakeSellerApplication.EventsPath, "evt-1", WebhookSender.Event("instance.opened", "i-1"), DateTimeOffset.UtcNow.AddHours(-1));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(1, App.EventFaults.Pending);
    }
}
