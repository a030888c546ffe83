using Provisioning.Grains.Events;
using Provisioning.Grains.Instances;
using Xunit;

namespace Provisioning.Testing;

/// <summary>
/// The rules every seller event outbox keeps (in memory and in PostgreSQL alike): one leased head per stream, in order,
/// streams independent, retries, dead letters, re-drive and pruning. Each store runs this suite.
/// </summary>
public abstract class SellerEventOutboxContract
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected abstract Task<(ISellerEventOutbox Outbox, ISellerEventDelivery Delivery, ISellerEventOutboxOperations Operations)> CreateAsync();

    // The stores' enqueue times come from their own clock: leases are taken a little later, so every fresh event is due.
    private static DateTimeOffset Now => DateTimeOffset.UtcNow.AddSeconds(1);

    public static SellerEvent Event(string stream, string? id = null) =>
        new(id ?? "evt_" + Guid.NewGuid().ToString("N"), stream, "tenant.synced", DateTimeOffset.UtcNow, Traffic.Live, $$"""{"stream":"{{stream}}"}""");

    private static string NewStream() => "tenant:live/" + Guid.NewGuid().ToString("N");

    private static Task<IReadOnlyList<DueEvent>> Take(ISellerEventDelivery delivery, DateTimeOffset now, int limit = 100) =>
        delivery.LeaseDueAsync(now, now + Lease, limit, CancellationToken.None);

    [Fact]
    public async Task Each_stream_gives_its_events_one_at_a_time_in_order()
    {
        var (outbox, delivery, _) = await CreateAsync();
        var (a, b) = (NewStream(), NewStream());
        SellerEvent[] events = [Event(a), Event(a), Event(b), Event(a)];
        await outbox.EnqueueAsync(events, CancellationToken.None);
        var now = Now;

        var first = await Take(delivery, now);
        Assert.Equal(new[] { events[0].EventId, events[2].EventId }.Order(), first.Select(e => e.EventId).Order());
        Assert.Empty(await Take(delivery, now));

        await delivery.DeliveredAsync(first.Single(e => e.Stream == a), now, CancellationToken.None);
        Assert.Equal(events[1].EventId, Assert.Single(await Take(delivery, now)).EventId);
    }

    [Fact]
    public async Task Enqueuing_an_event_again_keeps_one()
    {
        var (outbox, delivery, operations) = await CreateAsync();
        var e = Event(NewStream());

        await outbox.EnqueueAsync([e], CancellationToken.None);
        await outbox.EnqueueAsync([e, e], CancellationToken.None);

        Assert.Single(await operations.PendingAsync(0, 100, CancellationToken.None));
        Assert.Single(await Take(delivery, Now));
    }

    [Fact]
    public async Task A_failing_stream_waits_for_its_retry_while_the_others_go_on()
    {
        var (outbox, delivery, operations) = await CreateAsync();
        var (a, b) = (NewStream(), NewStream());
        SellerEvent[] events = [Event(a), Event(a), Event(b), Event(b)];
        await outbox.EnqueueAsync(events, CancellationToken.None);
        var now = Now;
        var heads = await Take(delivery, now);

        await delivery.FailedAsync(heads.Single(e => e.Stream == a), "HTTP 503", now.AddMinutes(5), CancellationToken.None);
        await delivery.DeliveredAsync(heads.Single(e => e.Stream == b), now, CancellationToken.None);

        var otherStream = Assert.Single(await Take(delivery, now));
        Assert.Equal(events[3].EventId, otherStream.EventId);
        await delivery.DeliveredAsync(otherStream, now, CancellationToken.None);
        var retried = Assert.Single(await Take(delivery, now.AddMinutes(6)));
        Assert.Equal((events[0].EventId, 1), (retried.EventId, retried.Attempts));
        var pending = (await operations.PendingAsync(0, 100, CancellationToken.None)).Single(e => e.EventId == events[0].EventId);
        Assert.Equal(("HTTP 503", 1), (pending.LastError, pending.Attempts));
    }

    [Fact]
    public async Task Concurrent_deliverers_never_lease_the_same_head()
    {
        var (outbox, delivery, _) = await CreateAsync();
        var events = Enumerable.Range(0, 60).Select(_ => Event(NewStream())).ToArray();
        await outbox.EnqueueAsync(events, CancellationToken.None);
        var now = Now;

        var takes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => Take(delivery, now, limit: 7))));

        var leased = takes.SelectMany(t => t).Select(e => e.EventId).ToList();
        Assert.Equal(leased.Count, leased.Distinct().Count());
        var rest = await Take(delivery, now);
        Assert.Equal(events.Select(e => e.EventId).Order(), leased.Concat(rest.Select(e => e.EventId)).Order());
    }

    [Fact]
    public async Task An_expired_lease_is_taken_over_and_its_old_holder_can_no_longer_record()
    {
        var (outbox, delivery, _) = await CreateAsync();
        var stream = NewStream();
        SellerEvent[] events = [Event(stream), Event(stream)];
        await outbox.EnqueueAsync(events, CancellationToken.None);
        var now = Now;

        var lost = Assert.Single(await Take(delivery, now));
        var taken = Assert.Single(await Take(delivery, now + Lease + TimeSpan.FromSeconds(1)));
        await delivery.DeliveredAsync(lost, now, CancellationToken.None);

        Assert.Equal(lost.EventId, taken.EventId);
        Assert.NotEqual(lost.Lease, taken.Lease);
        Assert.Empty(await Take(delivery, now + Lease + TimeSpan.FromSeconds(2)));
        await delivery.DeliveredAsync(taken, now, CancellationToken.None);
        Assert.Equal(events[1].EventId, Assert.Single(await Take(delivery, now + Lease + TimeSpan.FromSeconds(2))).EventId);
    }

    [Fact]
    public async Task A_released_lease_can_be_taken_at_once_with_no_attempt_counted_and_only_its_holder_can_release_it()
    {
        var (outbox, delivery, _) = await CreateAsync();
        var stream = NewStream();
        await outbox.EnqueueAsync([Event(stream)], CancellationToken.None);
        var now = Now;

        var released = Assert.Single(await Take(delivery, now));
        await delivery.ReleaseAsync(released, CancellationToken.None);
        var taken = Assert.Single(await Take(delivery, now));
        await delivery.ReleaseAsync(released, CancellationToken.None);

        Assert.Equal((released.EventId, 0), (taken.EventId, taken.Attempts));
        Assert.Empty(await Take(delivery, now));
    }

    [Fact]
    public async Task A_dead_letter_lets_its_stream_move_on_and_a_redrive_delivers_it_again_under_its_id()
    {
        var (outbox, delivery, operations) = await CreateAsync();
        var stream = NewStream();
        SellerEvent[] events = [Event(stream), Event(stream)];
        await outbox.EnqueueAsync(events, CancellationToken.None);
        var now = Now;

        await delivery.DeadAsync(Assert.Single(await Take(delivery, now)), "HTTP 500", now, CancellationToken.None);
        var next = Assert.Single(await Take(delivery, now));
        await delivery.DeliveredAsync(next, now, CancellationToken.None);

        Assert.Equal(events[1].EventId, next.EventId);
        var dead = Assert.Single(await operations.DeadLettersAsync(0, 100, CancellationToken.None));
        Assert.Equal((events[0].EventId, "HTTP 500", 1), (dead.EventId, dead.LastError, dead.Attempts));
        Assert.NotNull(dead.DeadAt);
        Assert.Empty(await operations.PendingAsync(0, 100, CancellationToken.None));

        var redriveAt = now.AddHours(1);
        Assert.Equal(0, await operations.RedriveAsync("evt_unknown", redriveAt, CancellationToken.None));
        Assert.Equal(1, await operations.RedriveAsync(events[0].EventId, redriveAt, CancellationToken.None));

        Assert.Empty(await operations.DeadLettersAsync(0, 100, CancellationToken.None));
        var again = Assert.Single(await Take(delivery, redriveAt));
        Assert.Equal((events[0].EventId, 0), (again.EventId, again.Attempts));
        Assert.True(again.AttemptsSince >= redriveAt.AddMilliseconds(-1), "the age of a re-driven event counts from its re-drive");
    }

    [Fact]
    public async Task A_streams_events_read_newest_first_with_their_delivery_whether_delivered_dead_or_pending()
    {
        var (outbox, delivery, operations) = await CreateAsync();
        var (stream, other) = (NewStream(), NewStream());
        SellerEvent[] events = [Event(stream), Event(stream), Event(other), Event(stream)];
        await outbox.EnqueueAsync(events, CancellationToken.None);
        var now = Now;
        await delivery.DeliveredAsync((await Take(delivery, now)).Single(e => e.Stream == stream), now, CancellationToken.None);
        await delivery.DeadAsync((await Take(delivery, now)).Single(e => e.Stream == stream), "HTTP 500", now, CancellationToken.None);

        var read = await operations.StreamAsync(stream, 10, CancellationToken.None);
        var newest = await operations.StreamAsync(stream, 1, CancellationToken.None);

        Assert.Equal([events[3].EventId, events[1].EventId, events[0].EventId], read.Select(e => e.EventId));
        Assert.Null(read[0].DeliveredAt);
        Assert.Null(read[0].DeadAt);
        Assert.NotNull(read[1].DeadAt);
        Assert.Equal("HTTP 500", read[1].LastError);
        Assert.NotNull(read[2].DeliveredAt);
        Assert.Equal(events[3].EventId, Assert.Single(newest).EventId);
    }

    [Fact]
    public async Task Redriving_all_makes_every_dead_letter_pending()
    {
        var (outbox, delivery, operations) = await CreateAsync();
        var events = Enumerable.Range(0, 3).Select(_ => Event(NewStream())).ToArray();
        await outbox.EnqueueAsync(events, CancellationToken.None);
        var now = Now;
        foreach (var head in await Take(delivery, now)) await delivery.DeadAsync(head, "HTTP 410", now, CancellationToken.None);

        Assert.Equal(3, await operations.RedriveAsync(null, now, CancellationToken.None));

        Assert.Equal(3, (await Take(delivery, now)).Count);
    }

    [Fact]
    public async Task Pages_follow_the_delivery_order_from_a_cursor()
    {
        var (outbox, _, operations) = await CreateAsync();
        var stream = NewStream();
        var events = Enumerable.Range(0, 5).Select(_ => Event(stream)).ToArray();
        await outbox.EnqueueAsync(events, CancellationToken.None);

        var first = await operations.PendingAsync(0, 2, CancellationToken.None);
        var second = await operations.PendingAsync(first[^1].Seq, 2, CancellationToken.None);
        var last = await operations.PendingAsync(second[^1].Seq, 2, CancellationToken.None);

        Assert.Equal(events.Select(e => e.EventId), first.Concat(second).Concat(last).Select(e => e.EventId));
    }

    [Fact]
    public async Task Delivered_events_are_pruned_once_their_retention_ends_and_others_are_kept()
    {
        var (outbox, delivery, operations) = await CreateAsync();
        var (a, b) = (NewStream(), NewStream());
        await outbox.EnqueueAsync([Event(a), Event(b), Event(b)], CancellationToken.None);
        var now = Now;
        var heads = await Take(delivery, now);
        await delivery.DeliveredAsync(heads[0], now, CancellationToken.None);
        await delivery.DeadAsync(heads[1], "HTTP 500", now, CancellationToken.None);

        Assert.Equal(0, await delivery.PruneAsync(now, CancellationToken.None));
        Assert.Equal(1, await delivery.PruneAsync(now.AddSeconds(1), CancellationToken.None));

        Assert.Single(await operations.PendingAsync(0, 100, CancellationToken.None));
        Assert.Single(await operations.DeadLettersAsync(0, 100, CancellationToken.None));
    }
}
