using System.Threading.Channels;

using Provisioning.Grains.Events;
using Provisioning.Grains.Instances;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// Group commit of instance projections: projections that arrive while a write is under way queue up, and the next write carries
/// all of them (up to <see cref="MaxBatchInstances"/>), so concurrent grains pay for one transaction instead of one each. An
/// instance queued twice is written once, at its newest version, with the events of both in queue order. A failed write fails
/// every caller in it; a projection cancelled before its write starts is not written.
/// </summary>
internal sealed class ProjectionGroupCommit : IAsyncDisposable
{
    /// <summary>A write takes queued projections until it carries this many.</summary>
    public const int MaxBatchInstances = 1_000;

    private readonly Func<IReadOnlyList<ProjectedInstance>, IReadOnlyList<SellerEvent>, CancellationToken, Task> _write;
    private readonly Channel<Projection> _queue = Channel.CreateUnbounded<Projection>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    /// <param name="write">Upserts rows of distinct instances and records the events, in one transaction.</param>
    public ProjectionGroupCommit(Func<IReadOnlyList<ProjectedInstance>, IReadOnlyList<SellerEvent>, CancellationToken, Task> write)
    {
        _write = write;
        _writer = Task.Run(WriteQueuedAsync);
    }

    public Task ProjectAsync(ProjectedInstance instance, IReadOnlyList<SellerEvent> events, CancellationToken cancellationToken)
    {
        var projection = new Projection(instance, events, cancellationToken);
        return _queue.Writer.TryWrite(projection)
            ? projection.Answer.Task
            : Task.FromException(new ObjectDisposedException(nameof(ProjectionGroupCommit)));
    }

    /// <summary>Writes what is already queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteQueuedAsync()
    {
        var batch = new List<Projection>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatchInstances && _queue.Reader.TryRead(out var projection))
            {
                if (projection.Cancellation.IsCancellationRequested) projection.Answer.TrySetCanceled(projection.Cancellation);
                else batch.Add(projection);
            }

            if (batch.Count > 0) await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Projection> batch)
    {
        // One row per instance (an upsert may touch a row once per statement): the newest version wins, as it would in the table.
        var rows = new Dictionary<string, ProjectedInstance>(StringComparer.Ordinal);
        foreach (var p in batch)
        {
            if (!rows.TryGetValue(p.Instance.GrainKey, out var held) || held.View.Version < p.Instance.View.Version) rows[p.Instance.GrainKey] = p.Instance;
        }

        try
        {
            await _write([.. rows.Values], [.. batch.SelectMany(p => p.Events)], CancellationToken.None);
        }
        catch (Exception failure)
        {
            foreach (var p in batch) p.Answer.TrySetException(failure);
            return;
        }

        foreach (var p in batch) p.Answer.TrySetResult();
    }

    private sealed record Projection(ProjectedInstance Instance, IReadOnlyList<SellerEvent> Events, CancellationToken Cancellation)
    {
        public TaskCompletionSource Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
