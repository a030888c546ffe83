using Orleans.Concurrency;
using Provisioning.Grains.Instances;

namespace Provisioning.Grains.CallHistory;

/// <summary>
/// Records and reads the call history through the silo's <see cref="ICallHistory"/>. Reentrant, so that the calls of
/// many concurrent callbacks reach the store together and share its commits instead of queueing one by one.
/// </summary>
[GrainType("call-history"), StatelessWorker, Reentrant]
internal sealed class CallHistoryGrain(ICallHistory history) : Grain, ICallHistoryGrain
{
    public Task Record(IReadOnlyList<CallHistoryEntry> entries) => history.AppendAsync(entries, CancellationToken.None);

    public Task<IReadOnlyList<RecordedCall>> Read(string instanceId, Traffic traffic, int limit, CallHistoryPosition? after) =>
        history.ReadAsync(new InstanceAddress(instanceId, traffic), limit, after, CancellationToken.None);

    public Task<IReadOnlyList<CallCount>> CountSince(DateTimeOffset since) => history.CountSinceAsync(since, CancellationToken.None);
}
