using System.Collections.Concurrent;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>A failure the fake plays on the next usage push.</summary>
public enum UsageFault
{
    /// <summary>HTTP 500 <c>MKT.0999</c>, nothing taken: the seller should send the same records again.</summary>
    Error,

    /// <summary>The records are taken but the answer never comes in time: a re-send must carry the same metering_sn.</summary>
    Timeout,

    /// <summary>The records are taken, then the connection is closed without an answer.</summary>
    Reset,
}

/// <summary>
/// The faults queued for the next usage pushes, played one per push in order, and the instances the marketplace does not know,
/// whose pushes are refused for good with <c>MKT.9001</c>.
/// </summary>
public sealed class UsageFaults
{
    private readonly ConcurrentQueue<UsageFault> _queue = new();
    private readonly ConcurrentDictionary<string, byte> _unknownInstances = new(StringComparer.Ordinal);

    /// <summary>How many queued faults no push has played yet.</summary>
    public int Pending => _queue.Count;

    /// <summary>Queues <paramref name="count"/> pushes to fail with <paramref name="fault"/>.</summary>
    public void Inject(UsageFault fault, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _queue.Enqueue(fault);
        }
    }

    /// <summary>Refuses every push naming <paramref name="instanceId"/> until <see cref="Know"/> is called.</summary>
    public void DoNotKnow(string instanceId) => _unknownInstances[instanceId] = 0;

    /// <summary>Takes pushes naming <paramref name="instanceId"/> again.</summary>
    public void Know(string instanceId) => _unknownInstances.TryRemove(instanceId, out _);

    internal bool Knows(string instanceId) => !_unknownInstances.ContainsKey(instanceId);

    internal UsageFault? Next() => _queue.TryDequeue(out var fault) ? fault : null;
}
