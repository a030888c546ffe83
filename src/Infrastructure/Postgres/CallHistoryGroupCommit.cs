using System.Threading.Channels;

using Provisioning.Grains.CallHistory;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// Group commit of call-history entries: appends queue up, and each write carries all that are queued (up to
/// <see cref="MaxBatchEntries"/>), so many callbacks pay for one durable commit instead of one each. Up to a few writes
/// are under way at once, so a batch does not wait for the one before it to reach the disk (PostgreSQL flushes
/// concurrent commits together); once that many are, appends queue for the next free one. A failed write fails every
/// append in it.
/// </summary>
internal sealed class CallHistoryGroupCommit : IAsyncDisposable
{
    /// <summary>A write takes queued appends until it carries at least this many entries.</summary>
    public const int MaxBatchEntries = 2_000;

    /// <summary>Writes under way at once, by default.</summary>
    public const int DefaultWritesInFlight = 1;

    private readonly Func<IReadOnlyList<CallHistoryEntry>, Task> _insert;
    private readonly Channel<Append> _queue = Channel.CreateUnbounded<Append>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _slots;
    private readonly int _writesInFlight;
    private readonly Task _writer;

    /// <param name="insert">Records the entries in one transaction.</param>
    /// <param name="writesInFlight">How many writes may be under way at once.</param>
    public CallHistoryGroupCommit(Func<IReadOnlyList<CallHistoryEntry>, Task> insert, int writesInFlight = DefaultWritesInFlight)
    {
        _insert = insert;
        _writesInFlight = writesInFlight;
        _slots = new SemaphoreSlim(writesInFlight);
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
        _slots.Dispose();
    }

    private async Task WriteQueuedAsync()
    {
        while (await _queue.Reader.WaitToReadAsync())
        {
            // A batch is taken only once a write can start, so appends gather while every write is under way.
            await _slots.WaitAsync();
            var batch = new List<Append>();
            var rows = new List<CallHistoryEntry>();
            while (rows.Count < MaxBatchEntries && _queue.Reader.TryRead(out var append))
            {
                batch.Add(append);
                rows.AddRange(append.Entries);
            }

            _ = WriteAsync(batch, rows);
        }

        for (var i = 0; i < _writesInFlight; i++) await _slots.WaitAsync();
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
        finally
        {
            _slots.Release();
        }
    }

    private sealed record Append(IReadOnlyList<CallHistoryEntry> Entries)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
