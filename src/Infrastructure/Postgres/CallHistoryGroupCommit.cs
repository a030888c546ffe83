using Provisioning.Grains.CallHistory;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// Group commit of call-history entries (<see cref="GroupCommit{TRequest, TAnswer}"/>): many callbacks pay for one commit
/// instead of one each. A failed write fails every append in it.
/// </summary>
internal sealed class CallHistoryGroupCommit : IAsyncDisposable
{
    /// <summary>A write takes queued appends until it carries at least this many entries.</summary>
    public const int MaxBatchEntries = 2_000;

    private readonly GroupCommit<IReadOnlyList<CallHistoryEntry>, ValueTuple> _commit;

    /// <param name="insert">Records the entries in one transaction.</param>
    public CallHistoryGroupCommit(Func<IReadOnlyList<CallHistoryEntry>, Task> insert) =>
        _commit = new(nameof(CallHistoryGroupCommit), MaxBatchEntries, entries => entries.Count, async appends =>
        {
            await insert([.. appends.SelectMany(entries => entries)]);
            return new ValueTuple[appends.Count];
        });

    public Task AppendAsync(IReadOnlyList<CallHistoryEntry> entries) =>
        entries.Count == 0 ? Task.CompletedTask : _commit.SubmitAsync(entries, CancellationToken.None);

    /// <summary>Writes what is already queued, then stops.</summary>
    public ValueTask DisposeAsync() => _commit.DisposeAsync();
}
