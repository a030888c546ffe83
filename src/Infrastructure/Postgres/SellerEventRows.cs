using Npgsql;
using NpgsqlTypes;

using Provisioning.Grains.Events;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// The one statement that records events in <c>seller_event_outbox</c> (deploy/sql/0008), for every writer that records them
/// inside its own transaction. An event id already there is skipped; the others take sequence numbers in list order.
/// </summary>
internal static class SellerEventRows
{
    private const string InsertSql = """
        INSERT INTO seller_event_outbox (event_id, stream, event_type, occurred_at, data)
        SELECT event_id, stream, event_type, occurred_at, data FROM unnest(@event_ids, @streams, @types, @occurred_at, @data) WITH ORDINALITY AS e(event_id, stream, event_type, occurred_at, data, n)
         ORDER BY n
        ON CONFLICT (event_id) DO NOTHING
        """;

    /// <summary>The insert of <paramref name="events"/> as one command of a batch (run it in the batch's transaction).</summary>
    public static NpgsqlBatchCommand Insert(IReadOnlyList<SellerEvent> events)
    {
        var command = new NpgsqlBatchCommand(InsertSql);
        command.Parameters.Add(PostgresArrays.Parameter("event_ids", NpgsqlDbType.Text, events.Select(e => e.EventId)));
        command.Parameters.Add(PostgresArrays.Parameter("streams", NpgsqlDbType.Text, events.Select(e => e.Stream)));
        command.Parameters.Add(PostgresArrays.Parameter("types", NpgsqlDbType.Text, events.Select(e => e.Type)));
        command.Parameters.Add(PostgresArrays.Parameter("occurred_at", NpgsqlDbType.TimestampTz, events.Select(e => e.OccurredAt.ToUniversalTime())));
        command.Parameters.Add(PostgresArrays.Parameter("data", NpgsqlDbType.Text, events.Select(e => e.Data)));
        return command;
    }
}
