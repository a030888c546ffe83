using Provisioning.Grains.Instances;

namespace Provisioning.Grains.CallHistory;

/// <summary>
/// The call history of a silo without a database: the last <see cref="MaxPerInstance"/> entries of each instance, lost
/// when the silo stops.
/// </summary>
public sealed class InMemoryCallHistory : ICallHistory
{
    public const int MaxPerInstance = 1_000;

    private readonly Dictionary<InstanceAddress, LinkedList<RecordedCall>> _instances = [];
    private long _sequence;

    public Task AppendAsync(IReadOnlyList<CallHistoryEntry> entries, CancellationToken cancellationToken)
    {
        lock (_instances)
        {
            foreach (var entry in entries)
            {
                var address = new InstanceAddress(entry.InstanceId, entry.Traffic);
                if (!_instances.TryGetValue(address, out var calls)) _instances[address] = calls = new();
                var recorded = new RecordedCall(new CallHistoryPosition(entry.At, ++_sequence), entry);

                // Kept newest first; an entry that arrived earlier than the newest ones goes behind them.
                var next = calls.First;
                while (next is not null && CallHistoryOrder.IsAfter(recorded.Position, next.Value.Position)) next = next.Next;
                if (next is null) calls.AddLast(recorded);
                else calls.AddBefore(next, recorded);
                if (calls.Count > MaxPerInstance) calls.RemoveLast();
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RecordedCall>> ReadAsync(InstanceAddress instance, int limit, CallHistoryPosition? after, CancellationToken cancellationToken)
    {
        lock (_instances)
        {
            IReadOnlyList<RecordedCall> page = _instances.TryGetValue(instance, out var calls)
                ? [.. calls.Where(c => after is null || CallHistoryOrder.IsAfter(c.Position, after)).Take(limit)]
                : [];
            return Task.FromResult(page);
        }
    }

    public Task<IReadOnlyList<CallCount>> CountSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (_instances)
        {
            IReadOnlyList<CallCount> counts = [.. _instances.Values.SelectMany(calls => calls.TakeWhile(c => c.Entry.At >= since))
                .GroupBy(c => (c.Entry.Traffic, c.Entry.Activity, c.Entry.ResultCode))
                .Select(g => new CallCount(g.Key.Traffic, g.Key.Activity, g.Key.ResultCode, g.LongCount()))];
            return Task.FromResult(counts);
        }
    }

    public Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        long pruned = 0;
        lock (_instances)
        {
            foreach (var (address, calls) in _instances.ToList())
            {
                while (calls.Last is { } oldest && oldest.Value.Entry.At < before)
                {
                    calls.RemoveLast();
                    pruned++;
                }

                if (calls.Count == 0) _instances.Remove(address);
            }
        }

        return Task.FromResult(pruned);
    }
}
