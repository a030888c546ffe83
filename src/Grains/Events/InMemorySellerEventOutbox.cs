namespace Provisioning.Grains.Events;

/// <summary>The outbox of a silo without a database: the same rules, gone with the process.</summary>
public sealed class InMemorySellerEventOutbox : ISellerEventOutbox
{
    private readonly Lock _gate = new();
    private readonly List<SellerEvent> _events = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    public Task EnqueueAsync(IReadOnlyList<SellerEvent> events, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var e in events)
            {
                if (_ids.Add(e.EventId)) _events.Add(e);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Every event enqueued so far, in enqueue order.</summary>
    public IReadOnlyList<SellerEvent> Events
    {
        get
        {
            lock (_gate) return [.. _events];
        }
    }
}
