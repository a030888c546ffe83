using Npgsql;

using Provisioning.Grains.Events;
using Provisioning.Grains.Instances;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// The instance query model and the seller-event outbox in PostgreSQL (deploy/sql/0009, 0008): each group-committed write is one
/// batch, executed as one implicit transaction (an error in any statement rolls back all), that upserts the rows and inserts
/// the events.
/// </summary>
internal sealed class PostgresInstanceProjection : IInstanceProjection, IAsyncDisposable
{
    private readonly ProjectionGroupCommit _commit;

    public PostgresInstanceProjection(NpgsqlDataSource database, SellerEventNudge nudge) =>
        _commit = new ProjectionGroupCommit(async (rows, events, cancellationToken) =>
        {
            await WriteAsync(database, rows, events, cancellationToken);
            if (events.Count > 0) nudge.Nudge();
        });

    public Task ProjectAsync(ProjectedInstance instance, IReadOnlyList<SellerEvent> events, CancellationToken cancellationToken) =>
        _commit.ProjectAsync(instance, events, cancellationToken);

    public ValueTask DisposeAsync() => _commit.DisposeAsync();

    internal static async Task WriteAsync(
        NpgsqlDataSource database, IReadOnlyList<ProjectedInstance> rows, IReadOnlyList<SellerEvent> events, CancellationToken cancellationToken)
    {
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(InstanceViewRows.Upsert(rows));
        if (events.Count > 0) batch.BatchCommands.Add(SellerEventRows.Insert(events));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
