using System.Threading.Channels;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// Group commit: requests that arrive while a write is under way queue up, and the next write carries all of them, until
/// their weights add up to the batch limit, so concurrent callers pay for one transaction instead of one each. The write
/// answers each request of its batch; a failed write fails every request in it; a request cancelled before its write starts
/// is not written. One writer, so writes follow each other in queue order.
/// </summary>
internal sealed class GroupCommit<TRequest, TAnswer> : IAsyncDisposable
{
    private readonly string _owner;
    private readonly int _maxBatchWeight;
    private readonly Func<TRequest, int> _weight;
    private readonly Func<IReadOnlyList<TRequest>, Task<IReadOnlyList<TAnswer>>> _write;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    /// <param name="owner">Named in the failure of a request made after disposal.</param>
    /// <param name="maxBatchWeight">A write takes queued requests until their weights add up to at least this.</param>
    /// <param name="weight">How much of a batch a request takes (e.g. its rows).</param>
    /// <param name="write">Writes a batch in one transaction and answers its requests, in order.</param>
    public GroupCommit(string owner, int maxBatchWeight, Func<TRequest, int> weight, Func<IReadOnlyList<TRequest>, Task<IReadOnlyList<TAnswer>>> write)
    {
        (_owner, _maxBatchWeight, _weight, _write) = (owner, maxBatchWeight, weight, write);
        _writer = Task.Run(WriteQueuedAsync);
    }

    public Task<TAnswer> SubmitAsync(TRequest request, CancellationToken cancellationToken)
    {
        var pending = new Pending(request, cancellationToken);
        return _queue.Writer.TryWrite(pending) ? pending.Answer.Task : Task.FromException<TAnswer>(new ObjectDisposedException(_owner));
    }

    /// <summary>Writes what is already queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            var weight = 0;
            while (weight < _maxBatchWeight && _queue.Reader.TryRead(out var pending))
            {
                if (pending.Cancellation.IsCancellationRequested)
                {
                    pending.Answer.TrySetCanceled(pending.Cancellation);
                    continue;
                }

                batch.Add(pending);
                weight += _weight(pending.Request);
            }

            if (batch.Count > 0) await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        IReadOnlyList<TAnswer> answers;
        try
        {
            answers = await _write([.. batch.Select(p => p.Request)]);
        }
        catch (Exception failure)
        {
            foreach (var pending in batch) pending.Answer.TrySetException(failure);
            return;
        }

        for (var i = 0; i < batch.Count; i++) batch[i].Answer.TrySetResult(answers[i]);
    }

    private sealed record Pending(TRequest Request, CancellationToken Cancellation)
    {
        public TaskCompletionSource<TAnswer> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
