using System.Collections.Concurrent;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>A failure the fake plays on the next usage push.</summary>
public enum UsageFault
{
    /// <summary>HTTP 500 <c>MKT.0999</c>, nothing taken: the seller should send the same records again.</summary>
    Error,

    /// <summary>The records are taken but the answer never comes in time: a re-send must carry the same metering_sn.</summary>
    Timeout,
}

/// <summary>The faults queued for the next usage pushes, played one per push in order.</summary>
public sealed class UsageFaults
{
    private readonly ConcurrentQueue<UsageFault> _queue = new();

    /// <summary>Queues <paramref name="count"/> pushes to fail with <paramref name="fault"/>.</summary>
    public void Inject(UsageFault fault, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _queue.Enqueue(fault);
        }
    }

    internal UsageFault? Next() => _queue.TryDequeue(out var fault) ? fault : null;
}
