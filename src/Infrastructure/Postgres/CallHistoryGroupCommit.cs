using System.Threading.Channels;

using Provisioning.Grains.CallHistory;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// Group commit of call-history entries: appends that arrive while a write is under way queue up, and the next write
/// carries all of them (up to <see cref="MaxBatchEntries"/>), so many callbacks pay for one commit instead of one each.
/// A failed write fails every append in it.
/// </summary>
internal sealed class CallHistoryGroupCommit : IAsyncDisposable
{
    /// <summary>A write takes queued appends until it carries at least this many entries.</summary>
    public const int MaxBatchEntries = 2_000;

    private readonly Func<IReadOnlyList<CallHistoryEntry>, Task> _insert;
    private readonly Channel<Append> _queue = Channel.CreateUnbounded<Append>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    /// <param name="insert">Records the entries in one transaction.</param>
    public CallHistoryGroupCommit(Func<IReadOnlyList<CallHistoryEntry>, Task> insert)
    {
        _insert = insert;
        _writer = Task.Run(WriteQueuedAsync);
    }

    public Task AppendAsync(IReadOnlyList<CallHistoryEntry> entries)
    {
        if (entries.Count == 0) return Task.CompletedTask;
        var append = new Append(entries);
        return _queue.Writer.TryWrite(append) ? append.Done.Task : Task.FromException(new ObjectDisposedException(nameof(CallHistoryGroupCommit)));
    }

    /// <summary>Writes what is already queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteQueuedAsync()
    {
        while (await _queue.Reader.WaitToReadAsync())
        {
            var batch = new List<Append>();
            var rows = new List<CallHistoryEntry>();
            while (rows.Count < MaxBatchEntries && _queue.Reader.TryRead(out var append))
            {
                batch.Add(append);
                rows.AddRange(append.Entries);
            }

            await WriteAsync(batch, rows);
        }
    }

    private async Task WriteAsync(List<Append> batch, List<CallHistoryEntry> rows)
    {
        try
        {
            await _insert(rows);
            foreach (var append in batch) append.Done.TrySetResult();
        }
        catch (Exception failure)
        {
            foreach (var append in batch) append.Done.TrySetException(failure);
        }
    }

    private sealed record Append(IReadOnlyList<CallHistoryEntry> Entries)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
