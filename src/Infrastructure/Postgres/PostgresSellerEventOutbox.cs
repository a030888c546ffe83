using Npgsql;
using Provisioning.Grains.Events;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>The outbox port on <c>seller_event_outbox</c> (deploy/sql/0008), for writers outside a transaction of their own.</summary>
internal sealed class PostgresSellerEventOutbox(NpgsqlDataSource database, SellerEventNudge nudge) : ISellerEventOutbox
{
    public async Task EnqueueAsync(IReadOnlyList<SellerEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return;
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(SellerEventRows.Insert(events));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        nudge.Nudge();
    }
}
