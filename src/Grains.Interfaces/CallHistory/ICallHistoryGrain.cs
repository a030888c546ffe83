using Orleans.Concurrency;
using Provisioning.Grains.Instances;

namespace Provisioning.Grains.CallHistory;

/// <summary>
/// The marketplace call history of every instance, for a gateway that has no database of its own. A stateless worker:
/// any silo records and reads through its local activations; the history itself is in the silo's store.
/// </summary>
[Alias("prov.ICallHistoryGrain")]
public interface ICallHistoryGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>Records the entries durably; completes once they are stored.</summary>
    [Alias("Record")] Task Record(IReadOnlyList<CallHistoryEntry> entries);

    /// <summary>Up to <paramref name="limit"/> entries of one instance, newest first, after <paramref name="after"/> when given.</summary>
    [Alias("Read"), ReadOnly] Task<IReadOnlyList<RecordedCall>> Read(string instanceId, Traffic traffic, int limit, CallHistoryPosition? after);

    /// <summary>The calls recorded since <paramref name="since"/>, counted by traffic, activity and result code.</summary>
    [Alias("CountSince"), ReadOnly] Task<IReadOnlyList<CallCount>> CountSince(DateTimeOffset since);
}
