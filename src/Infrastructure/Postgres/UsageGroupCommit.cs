using System.Threading.Channels;

using Provisioning.Grains.Usage;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// Group commit of usage events: appends that arrive while a write is under way queue up, and the next write carries all
/// of them (up to <see cref="MaxBatchEvents"/>), so many meters pay for one durable commit instead of one each. Each
/// caller gets its own answers; a failed write fails every caller in it. An append cancelled before its write starts
/// is not written.
/// </summary>
internal sealed class UsageGroupCommit : IAsyncDisposable
{
    /// <summary>A write takes queued appends until it carries at least this many events.</summary>
    public const int MaxBatchEvents = 4_000;

    private readonly Func<IReadOnlyList<InstanceEvent>, CancellationToken, Task<IReadOnlySet<string>>> _insert;
    private readonly Channel<Append> _queue = Channel.CreateUnbounded<Append>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    /// <param name="insert">Records events with distinct ids in one transaction and answers the ids that were new.</param>
    public UsageGroupCommit(Func<IReadOnlyList<InstanceEvent>, CancellationToken, Task<IReadOnlySet<string>>> insert)
    {
        _insert = insert;
        _writer = Task.Run(WriteQueuedAsync);
    }

    public Task<IReadOnlyList<bool>> AppendAsync(string instanceId, IReadOnlyList<UsageEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return Task.FromResult<IReadOnlyList<bool>>([]);
        var append = new Append(instanceId, events, cancellationToken);
        return _queue.Writer.TryWrite(append)
            ? append.Answer.Task
            : Task.FromException<IReadOnlyList<bool>>(new ObjectDisposedException(nameof(UsageGroupCommit)));
    }

    /// <summary>Writes what is already queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new List<Append>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            var events = 0;
            while (events < MaxBatchEvents && _queue.Reader.TryRead(out var append))
            {
                if (append.Cancellation.IsCancellationRequested)
                {
                    append.Answer.TrySetCanceled(append.Cancellation);
                    continue;
                }

                batch.Add(append);
                events += append.Events.Count;
            }

            if (batch.Count > 0) await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Append> batch)
    {
        // An id repeated in the batch is written once, for its first caller; only that caller can be told it is new.
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<InstanceEvent>();
        foreach (var append in batch)
        {
            rows.AddRange(append.Events.Where(e => claimed.Add(e.EventId)).Select(e => new InstanceEvent(append.InstanceId, e)));
        }

        IReadOnlySet<string> inserted;
        try
        {
            inserted = await _insert(rows, CancellationToken.None);
        }
        catch (Exception failure)
        {
            foreach (var append in batch) append.Answer.TrySetException(failure);
            return;
        }

        claimed.Clear();
        foreach (var append in batch)
        {
            append.Answer.TrySetResult([.. append.Events.Select(e => claimed.Add(e.EventId) && inserted.Contains(e.EventId))]);
        }
    }

    private sealed record Append(string InstanceId, IReadOnlyList<UsageEvent> Events, CancellationToken Cancellation)
    {
        public TaskCompletionSource<IReadOnlyList<bool>> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
