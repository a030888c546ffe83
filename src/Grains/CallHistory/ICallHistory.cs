using Provisioning.Grains.Instances;

namespace Provisioning.Grains.CallHistory;

/// <summary>Where the marketplace call history is kept (port; filled in memory or by PostgreSQL).</summary>
public interface ICallHistory
{
    /// <summary>Stores the entries durably; completes once they are stored, and fails when they are not.</summary>
    Task AppendAsync(IReadOnlyList<CallHistoryEntry> entries, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> entries of one instance, newest first, after <paramref name="after"/> when given.</summary>
    Task<IReadOnlyList<RecordedCall>> ReadAsync(InstanceAddress instance, int limit, CallHistoryPosition? after, CancellationToken cancellationToken);

    /// <summary>The entries of calls that arrived at or after <paramref name="since"/>, counted by traffic, activity and result code.</summary>
    Task<IReadOnlyList<CallCount>> CountSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Forgets the entries of calls that arrived before <paramref name="before"/>, in bounded steps; answers how many.</summary>
    Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
