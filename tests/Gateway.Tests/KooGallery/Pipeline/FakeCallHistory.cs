using Provisioning.Grains.CallHistory;
using Provisioning.Grains.Instances;

namespace Provisioning.Gateway.Tests.KooGallery.Pipeline;

/// <summary>A call history that keeps what it is given, or answers each write as the test says.</summary>
internal sealed class FakeCallHistory(Func<IReadOnlyList<CallHistoryEntry>, Task>? write = null) : ICallHistoryGrain
{
    public List<CallHistoryEntry> Recorded { get; } = [];

    public Task Record(IReadOnlyList<CallHistoryEntry> entries)
    {
        lock (Recorded) Recorded.AddRange(entries);
        return write?.Invoke(entries) ?? Task.CompletedTask;
    }

    public Task<IReadOnlyList<RecordedCall>> Read(string instanceId, Traffic traffic, int limit, CallHistoryPosition? after) =>
        throw new NotSupportedException("the runner only records");

    public Task<IReadOnlyList<CallCount>> CountSince(DateTimeOffset since) => throw new NotSupportedException("the runner only records");
}
