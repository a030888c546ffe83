using Provisioning.Grains.Usage;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// Group commit of usage events (<see cref="GroupCommit{TRequest, TAnswer}"/>): many meters pay for one durable commit
/// instead of one each. Each caller gets its own answers; a failed write fails every caller in it. An append cancelled
/// before its write starts is not written.
/// </summary>
internal sealed class UsageGroupCommit : IAsyncDisposable
{
    /// <summary>A write takes queued appends until it carries at least this many events.</summary>
    public const int MaxBatchEvents = 4_000;

    private readonly GroupCommit<Append, IReadOnlyList<bool>> _commit;

    /// <param name="insert">Records events with distinct ids in one transaction and answers the ids that were new.</param>
    public UsageGroupCommit(Func<IReadOnlyList<InstanceEvent>, CancellationToken, Task<IReadOnlySet<string>>> insert) =>
        _commit = new(nameof(UsageGroupCommit), MaxBatchEvents, append => append.Events.Count, batch => WriteAsync(insert, batch));

    public Task<IReadOnlyList<bool>> AppendAsync(string instanceId, IReadOnlyList<UsageEvent> events, CancellationToken cancellationToken) =>
        events.Count == 0 ? Task.FromResult<IReadOnlyList<bool>>([]) : _commit.SubmitAsync(new Append(instanceId, events), cancellationToken);

    /// <summary>Writes what is already queued, then stops.</summary>
    public ValueTask DisposeAsync() => _commit.DisposeAsync();

    private static async Task<IReadOnlyList<IReadOnlyList<bool>>> WriteAsync(
        Func<IReadOnlyList<InstanceEvent>, CancellationToken, Task<IReadOnlySet<string>>> insert, IReadOnlyList<Append> batch)
    {
        // An id repeated in the batch is written once, for its first caller; only that caller can be told it is new.
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<InstanceEvent>();
        foreach (var append in batch)
        {
            rows.AddRange(append.Events.Where(e => claimed.Add(e.EventId)).Select(e => new InstanceEvent(append.InstanceId, e)));
        }

        var inserted = await insert(rows, CancellationToken.None);
        claimed.Clear();
        return [.. batch.Select(append => (IReadOnlyList<bool>)[.. append.Events.Select(e => claimed.Add(e.EventId) && inserted.Contains(e.EventId))])];
    }

    private sealed record Append(string InstanceId, IReadOnlyList<UsageEvent> Events);
}
