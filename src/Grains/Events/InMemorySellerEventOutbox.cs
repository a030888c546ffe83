namespace Provisioning.Grains.Events;

/// <summary>
/// The outbox of a silo without a database: the same rules as <c>seller_event_outbox</c> (enqueue idempotent by id, one
/// leased head per stream, retries, dead letters, re-drive, pruning), gone with the process.
/// </summary>
public sealed class InMemorySellerEventOutbox(TimeProvider clock, SellerEventNudge nudge) : ISellerEventOutbox, ISellerEventDelivery, ISellerEventOutboxOperations
{
    private sealed class Row(long seq, SellerEvent e, DateTimeOffset enqueuedAt)
    {
        public long Seq { get; } = seq;
        public SellerEvent Event { get; } = e;
        public DateTimeOffset EnqueuedAt { get; } = enqueuedAt;
        public int Attempts { get; set; }
        public DateTimeOffset NextAttemptAt { get; set; } = enqueuedAt;
        public DateTimeOffset AttemptsSince { get; set; } = enqueuedAt;
        public DateTimeOffset? LeasedUntil { get; set; }
        public Guid Lease { get; set; }
        public string? LastError { get; set; }
        public DateTimeOffset? DeliveredAt { get; set; }
        public DateTimeOffset? DeadAt { get; set; }
        public bool Pending => DeliveredAt is null && DeadAt is null;

        public OutboxEntry Entry() => new(Seq, Event.EventId, Event.Stream, Event.Type, Attempts, NextAttemptAt, LastError, EnqueuedAt, DeadAt, DeliveredAt);
    }

    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, Row> _rows = [];
    private readonly Dictionary<string, Row> _byId = new(StringComparer.Ordinal);
    private long _lastSeq;

    public Task EnqueueAsync(IReadOnlyList<SellerEvent> events, CancellationToken cancellationToken)
    {
        var added = false;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            foreach (var e in events)
            {
                if (_byId.ContainsKey(e.EventId)) continue;
                var row = new Row(++_lastSeq, e, now);
                _rows.Add(row.Seq, row);
                _byId.Add(e.EventId, row);
                added = true;
            }
        }

        if (added) nudge.Nudge();
        return Task.CompletedTask;
    }

    /// <summary>Every event held (delivered ones until pruned), in delivery order.</summary>
    public IReadOnlyList<SellerEvent> Events
    {
        get
        {
            lock (_gate) return [.. _rows.Values.Select(r => r.Event)];
        }
    }

    public Task<IReadOnlyList<DueEvent>> LeaseDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var heads = _rows.Values.Where(r => r.Pending).GroupBy(r => r.Event.Stream, StringComparer.Ordinal).Select(g => g.First());
            IReadOnlyList<DueEvent> leased = [.. heads
                .Where(r => r.NextAttemptAt <= now && (r.LeasedUntil is null || r.LeasedUntil < now))
                .OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Seq)
                .Take(limit)
                .Select(r =>
                {
                    (r.LeasedUntil, r.Lease) = (leaseUntil, Guid.NewGuid());
                    var e = r.Event;
                    return new DueEvent(r.Seq, e.EventId, e.Stream, e.Type, e.OccurredAt, e.Data, r.Attempts, r.AttemptsSince, r.Lease);
                })];
            return Task.FromResult(leased);
        }
    }

    public Task DeliveredAsync(DueEvent leased, DateTimeOffset at, CancellationToken cancellationToken) =>
        Held(leased, r => (r.DeliveredAt, r.LeasedUntil) = (at, null));

    public Task FailedAsync(DueEvent leased, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        Held(leased, r => (r.Attempts, r.LastError, r.NextAttemptAt, r.LeasedUntil) = (r.Attempts + 1, error, nextAttemptAt, null));

    public Task DeadAsync(DueEvent leased, string error, DateTimeOffset at, CancellationToken cancellationToken) =>
        Held(leased, r => (r.Attempts, r.LastError, r.DeadAt, r.LeasedUntil) = (r.Attempts + 1, error, at, null));

    public Task ReleaseAsync(DueEvent leased, CancellationToken cancellationToken) => Held(leased, r => r.LeasedUntil = null);

    public Task<int> PruneAsync(DateTimeOffset deliveredBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var old = _rows.Values.Where(r => r.DeliveredAt < deliveredBefore).ToList();
            foreach (var row in old)
            {
                _rows.Remove(row.Seq);
                _byId.Remove(row.Event.EventId);
            }

            return Task.FromResult(old.Count);
        }
    }

    public Task<IReadOnlyList<OutboxEntry>> PendingAsync(long afterSeq, int limit, CancellationToken cancellationToken) =>
        Page(r => r.Pending, afterSeq, limit);

    public Task<IReadOnlyList<OutboxEntry>> DeadLettersAsync(long afterSeq, int limit, CancellationToken cancellationToken) =>
        Page(r => r.DeadAt is not null && r.DeliveredAt is null, afterSeq, limit);

    public Task<IReadOnlyList<OutboxEntry>> StreamAsync(string stream, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<OutboxEntry> page = [.. _rows.Values.Reverse().Where(r => r.Event.Stream == stream).Take(limit).Select(r => r.Entry())];
            return Task.FromResult(page);
        }
    }

    public Task<int> RedriveAsync(string? eventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        int count;
        lock (_gate)
        {
            var dead = _rows.Values.Where(r => r.DeadAt is not null && r.DeliveredAt is null && (eventId is null || r.Event.EventId == eventId)).ToList();
            foreach (var row in dead) (row.DeadAt, row.Attempts, row.NextAttemptAt, row.AttemptsSince, row.LeasedUntil) = (null, 0, now, now, null);
            count = dead.Count;
        }

        if (count > 0) nudge.Nudge();
        return Task.FromResult(count);
    }

    private Task<IReadOnlyList<OutboxEntry>> Page(Func<Row, bool> filter, long afterSeq, int limit)
    {
        lock (_gate)
        {
            IReadOnlyList<OutboxEntry> page = [.. _rows.Values.Where(r => r.Seq > afterSeq && filter(r)).Take(limit).Select(r => r.Entry())];
            return Task.FromResult(page);
        }
    }

    private Task Held(DueEvent leased, Action<Row> record)
    {
        lock (_gate)
        {
            if (_byId.TryGetValue(leased.EventId, out var row) && row.Lease == leased.Lease && row.Pending) record(row);
        }

        return Task.CompletedTask;
    }
}
