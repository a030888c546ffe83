using Npgsql;
using NpgsqlTypes;

namespace Provisioning.Grains.Usage;

/// <summary>One usage event of one instance, as it is written to the ledger.</summary>
internal readonly record struct InstanceEvent(string InstanceId, UsageEvent Event);

/// <summary>
/// Writes a batch of usage events to deploy/sql/0006 in one statement: the events whose id is new are inserted, their
/// quantities are added to the hourly totals, and the ids inserted are answered, all in one round trip.
/// </summary>
internal static class PostgresUsageEvents
{
    // An upsert may touch a row once per statement, so new events are summed per hour before they meet the totals. Rows
    // are written in event-id order (unnest reads arrays in storage order) and then hour order, so concurrent batches that
    // share rows wait for each other and never deadlock; only the hourly sums are sorted, not the events.
    private const string Sql = """
        WITH inserted AS (
            INSERT INTO usage_events (event_id, instance_id, package, hour_start, quantity, occurred_at, recorded_at)
            SELECT e.event_id, e.instance_id, e.package, date_trunc('hour', e.occurred_at, 'UTC'), e.quantity, e.occurred_at, now()
              FROM unnest(@event_ids, @instance_ids, @packages, @quantities, @occurred_at) AS e(event_id, instance_id, package, quantity, occurred_at)
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id, instance_id, package, hour_start, quantity
        ), sums AS MATERIALIZED (
            SELECT instance_id, package, hour_start, sum(quantity) AS quantity, count(*) AS events FROM inserted
             GROUP BY instance_id, package, hour_start
        ), counted AS (
            INSERT INTO usage_hours (instance_id, package, hour_start, quantity, events)
            SELECT instance_id, package, hour_start, quantity, events FROM sums ORDER BY instance_id, package, hour_start
            ON CONFLICT (instance_id, package, hour_start)
            DO UPDATE SET quantity = usage_hours.quantity + excluded.quantity, events = usage_hours.events + excluded.events
        )
        SELECT event_id FROM inserted
        """;

    /// <summary>Records the events (their ids must be distinct) and answers the ids that were not recorded before.</summary>
    public static async Task<IReadOnlySet<string>> InsertAsync(
        NpgsqlDataSource database, IReadOnlyList<InstanceEvent> events, CancellationToken cancellationToken)
    {
        var rows = events.OrderBy(e => e.Event.EventId, StringComparer.Ordinal).ToArray();
        await using var command = database.CreateCommand(Sql);
        command.Parameters.Add(PostgresArrays.Parameter("event_ids", NpgsqlDbType.Text, rows.Select(r => r.Event.EventId)));
        command.Parameters.Add(PostgresArrays.Parameter("instance_ids", NpgsqlDbType.Text, rows.Select(r => r.InstanceId)));
        command.Parameters.Add(PostgresArrays.Parameter("packages", NpgsqlDbType.Text, rows.Select(r => r.Event.Package ?? "")));
        command.Parameters.Add(PostgresArrays.Parameter("quantities", NpgsqlDbType.Numeric, rows.Select(r => r.Event.Quantity)));
        command.Parameters.Add(PostgresArrays.Parameter("occurred_at", NpgsqlDbType.TimestampTz, rows.Select(r => r.Event.OccurredAt.ToUniversalTime())));

        var inserted = new HashSet<string>(rows.Length, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add(reader.GetString(0));
        }

        return inserted;
    }
}
