using System.Text.Json;
using Provisioning.SellerApplication;
using Provisioning.Simulator.Scenarios;

namespace Provisioning.Simulator.Tests;

/// <summary>The judgement the seller event scenarios make of what the fake seller application received.</summary>
public sealed class SellerEventChecksTests
{
    private static readonly string Stream = EventStreams.Instance("i-1");
    private static readonly string[] Lifecycle = ["instance.opened", "instance.frozen", "instance.released"];
    private static readonly Refusals NoneRefused = new(0, 0, 0, 0);
    private static readonly JsonElement Data = JsonDocument.Parse("""{"instanceId":"i-1","test":false}""").RootElement;

    private static ReceivedEvent Event(string id, string type, int deliveries = 1, string? stream = null) =>
        new(id, type, stream ?? Stream, null, null, Data, deliveries);

    private static InboxSnapshot Received(params ReceivedEvent[] events) => new(events, 0, NoneRefused, [], [], 0);

    [Fact]
    public void Each_transition_once_in_order_passes_whatever_other_streams_received()
    {
        var snapshot = Received(Event("a", "instance.opened", deliveries: 3), Event("x", "instance.opened", stream: EventStreams.Instance("i-2")),
            Event("b", "instance.frozen"), Event("c", "instance.released")) with { Duplicates = 2 };

        Assert.Null(SellerEventChecks.Judge(snapshot, Stream, Lifecycle));
    }

    [Fact]
    public void A_missing_event_fails_naming_what_arrived_and_how_long_it_waited()
    {
        var failure = SellerEventChecks.Judge(Received(Event("a", "instance.opened"), Event("b", "instance.frozen")), Stream, Lifecycle);

        Assert.Equal("instance:live/i-1 received [instance.opened, instance.frozen] after 20 s, expected [instance.opened, instance.frozen, instance.released]", failure);
    }

    [Fact]
    public void A_redelivery_under_a_new_id_counts_as_a_second_event_and_fails()
    {
        var failure = SellerEventChecks.Judge(
            Received(Event("a", "instance.opened"), Event("a-again", "instance.opened"), Event("b", "instance.frozen"), Event("c", "instance.released")), Stream, Lifecycle);

        Assert.Equal("instance:live/i-1 received [instance.opened, instance.opened, instance.frozen, instance.released], expected [instance.opened, instance.frozen, instance.released]", failure);
    }

    [Fact]
    public void Events_in_another_order_fail()
    {
        var failure = SellerEventChecks.Judge(Received(Event("a", "instance.opened"), Event("c", "instance.released"), Event("b", "instance.frozen")), Stream, Lifecycle);

        Assert.StartsWith("instance:live/i-1 received [instance.opened, instance.released, instance.frozen], expected", failure);
    }

    [Fact]
    public void A_version_contradicting_the_arrival_order_fails()
    {
        var snapshot = Received(Event("a", "instance.opened"), Event("b", "instance.frozen"), Event("c", "instance.released")) with
        {
            OutOfOrder = [new OrderViolation(Stream, "b", 2, 3)],
        };

        Assert.Equal("event b of instance:live/i-1 has version 2, after version 3", SellerEventChecks.Judge(snapshot, Stream, Lifecycle));
    }

    [Fact]
    public void An_id_delivered_again_with_other_content_fails()
    {
        var snapshot = Received(Event("a", "instance.opened"), Event("b", "instance.frozen"), Event("c", "instance.released")) with { Conflicts = ["b"] };

        Assert.Equal("event b was delivered again with another type or data", SellerEventChecks.Judge(snapshot, Stream, Lifecycle));
    }

    [Fact]
    public void A_refused_delivery_fails_the_run_even_when_the_events_arrived()
    {
        var snapshot = Received(Event("a", "instance.opened"), Event("b", "instance.frozen"), Event("c", "instance.released")) with { Refused = new Refusals(0, 1, 2, 0) };

        Assert.Equal("the app refused 3 deliveries: 0 without the webhook headers, 1 stale, 2 badly signed, 0 not an event", SellerEventChecks.Judge(snapshot, Stream, Lifecycle));
    }

    [Theory]
    [InlineData(3, null)]
    [InlineData(2, "instance.opened a was delivered 2 times under its id, expected at least 3 (the faults hit other events)")]
    public void A_faulted_event_must_come_back_under_its_own_id(int deliveries, string? expected)
    {
        var snapshot = Received(Event("a", "instance.opened", deliveries), Event("b", "instance.frozen"));

        Assert.Equal(expected, SellerEventChecks.RedeliveredUnderItsId(snapshot, Stream, "instance.opened", 3));
        Assert.Equal("no instance.released in instance:live/i-1", SellerEventChecks.RedeliveredUnderItsId(snapshot, Stream, "instance.released", 2));
    }
}
