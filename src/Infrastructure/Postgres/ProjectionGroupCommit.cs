using Provisioning.Grains.Events;
using Provisioning.Grains.Instances;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// Group commit of instance projections (<see cref="GroupCommit{TRequest, TAnswer}"/>): concurrent grains pay for one
/// transaction instead of one each. An instance queued twice is written once, at its newest version, with the events of
/// both in queue order. A failed write fails every caller in it; a projection cancelled before its write starts is not written.
/// </summary>
internal sealed class ProjectionGroupCommit : IAsyncDisposable
{
    /// <summary>A write takes queued projections until it carries this many.</summary>
    public const int MaxBatchInstances = 1_000;

    private readonly GroupCommit<Projection, ValueTuple> _commit;

    /// <param name="write">Upserts rows of distinct instances and records the events, in one transaction.</param>
    public ProjectionGroupCommit(Func<IReadOnlyList<ProjectedInstance>, IReadOnlyList<SellerEvent>, CancellationToken, Task> write) =>
        _commit = new(nameof(ProjectionGroupCommit), MaxBatchInstances, _ => 1, async batch =>
        {
            await write(Newest(batch), [.. batch.SelectMany(p => p.Events)], CancellationToken.None);
            return new ValueTuple[batch.Count];
        });

    public Task ProjectAsync(ProjectedInstance instance, IReadOnlyList<SellerEvent> events, CancellationToken cancellationToken) =>
        _commit.SubmitAsync(new Projection(instance, events), cancellationToken);

    /// <summary>Writes what is already queued, then stops.</summary>
    public ValueTask DisposeAsync() => _commit.DisposeAsync();

    // One row per instance (an upsert may touch a row once per statement): the newest version wins, as it would in the table.
    private static ProjectedInstance[] Newest(IReadOnlyList<Projection> batch)
    {
        var rows = new Dictionary<string, ProjectedInstance>(StringComparer.Ordinal);
        foreach (var p in batch)
        {
            if (!rows.TryGetValue(p.Instance.GrainKey, out var held) || held.View.Version < p.Instance.View.Version) rows[p.Instance.GrainKey] = p.Instance;
        }

        return [.. rows.Values];
    }

    private sealed record Projection(ProjectedInstance Instance, IReadOnlyList<SellerEvent> Events);
}
