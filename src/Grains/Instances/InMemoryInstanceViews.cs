using Provisioning.Grains.Events;

namespace Provisioning.Grains.Instances;

/// <summary>
/// The query model of a silo without a database: the same rules as the table (newer versions only, duplicates never listed,
/// events to the outbox in the same step), gone with the process.
/// </summary>
public sealed class InMemoryInstanceViews(ISellerEventOutbox outbox) : IInstanceProjection, IInstanceViewReader
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, ProjectedInstance> _rows = new(StringComparer.Ordinal);

    public async Task ProjectAsync(ProjectedInstance instance, IReadOnlyList<SellerEvent> events, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_rows.TryGetValue(instance.GrainKey, out var stored) || stored.View.Version < instance.View.Version)
            {
                _rows[instance.GrainKey] = instance;
            }
        }

        if (events.Count > 0) await outbox.EnqueueAsync(events, cancellationToken);
    }

    public Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        List<InstanceView> page;
        lock (_gate)
        {
            page = [.. _rows.Values
                .Where(r => r.DuplicateOf is null && r.View.Traffic == query.Traffic)
                .Select(r => r.View)
                .Where(v => query.After is null || string.CompareOrdinal(v.InstanceId, query.After) > 0)
                .Where(v => query.Status is null || v.Status == query.Status)
                .Where(v => query.ProductId is null || v.ProductId == query.ProductId)
                .Where(v => query.CustomerId is null || v.CustomerId == query.CustomerId)
                .Where(v => query.ExpiresBefore is null || v.ExpiresAt < query.ExpiresBefore)
                .OrderBy(v => v.InstanceId, StringComparer.Ordinal)
                .Take(query.Limit + 1)];
        }

        var more = page.Count > query.Limit;
        if (more) page.RemoveAt(page.Count - 1);
        return Task.FromResult(new InstancePage(page, more ? page[^1].InstanceId : null));
    }

    public Task<IReadOnlyList<InstanceCount>> CountAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<InstanceCount> counts = [.. _rows.Values.Where(r => r.DuplicateOf is null).Select(r => r.View)
                .GroupBy(v => (v.Traffic, v.Status, v.ProductId))
                .Select(g => new InstanceCount(g.Key.Traffic, g.Key.Status, g.Key.ProductId, g.LongCount()))];
            return Task.FromResult(counts);
        }
    }
}
