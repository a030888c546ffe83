using Npgsql;

using Provisioning.Grains.Events;
using Provisioning.Grains.Instances;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// The instance query model and the seller-event outbox in PostgreSQL (deploy/sql/0009, 0008): each group-committed write is one
/// transaction (an error in any statement rolls back all) that upserts the rows and inserts the events.
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

    // The commit does not wait for its WAL flush. Should the server crash before the flush, the write is lost together with
    // every later one, including the instance's next state write (which would have flushed it), so the instance still holds
    // these events unpublished and the repair writes them again under the same ids.
    internal static async Task WriteAsync(
        NpgsqlDataSource database, IReadOnlyList<ProjectedInstance> rows, IReadOnlyList<SellerEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"));
        batch.BatchCommands.Add(InstanceViewRows.Upsert(rows));
        if (events.Count > 0) batch.BatchCommands.Add(SellerEventRows.Insert(events));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
