using Npgsql;
using NpgsqlTypes;

using Provisioning.Grains.Usage;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>One usage event of one instance, as it is written to the ledger.</summary>
internal readonly record struct InstanceEvent(string InstanceId, UsageEvent Event);

/// <summary>
/// Writes a batch of usage events to deploy/sql/0006 in one transaction: the events whose id is new are inserted, their
/// quantities are added to the hourly totals, and the ids inserted are answered. Ids are almost always new (a duplicate
/// is a re-send), so the batch is first copied in as it is; only when an id is already there does it go through the
/// slower statement that skips recorded ids.
/// </summary>
internal static class PostgresUsageEvents
{
    private const string Columns = "event_id, instance_id, package, hour_start, quantity, occurred_at, recorded_at";

    // An upsert may touch a row once per statement, so events are summed per hour before they meet the totals. Both
    // paths write events in event-id order, then totals in hour order, so concurrent batches that share rows wait for
    // each other and never deadlock.
    private const string AddHoursSql = """
        INSERT INTO usage_hours (instance_id, package, hour_start, quantity, events)
        SELECT * FROM unnest(@instances, @packages, @hours, @quantities, @events) AS h(instance_id, package, hour_start, quantity, events)
         ORDER BY instance_id, package, hour_start
        ON CONFLICT (instance_id, package, hour_start)
        DO UPDATE SET quantity = usage_hours.quantity + excluded.quantity, events = usage_hours.events + excluded.events
        """;

    private const string SkipRecordedSql = $"""
        WITH inserted AS (
            INSERT INTO usage_events ({Columns})
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
        try
        {
            await CopyNewAsync(database, rows, cancellationToken);
            return rows.Select(r => r.Event.EventId).ToHashSet(StringComparer.Ordinal);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return await InsertSkippingRecordedAsync(database, rows, cancellationToken);
        }
    }

    /// <summary>The slow path on its own: one statement that inserts only the ids not recorded before and answers them.</summary>
    public static async Task<IReadOnlySet<string>> InsertSkippingRecordedAsync(
        NpgsqlDataSource database, IReadOnlyList<InstanceEvent> rows, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(SkipRecordedSql);
        command.Parameters.Add(PostgresArrays.Parameter("event_ids", NpgsqlDbType.Text, rows.Select(r => r.Event.EventId)));
        command.Parameters.Add(PostgresArrays.Parameter("instance_ids", NpgsqlDbType.Text, rows.Select(r => r.InstanceId)));
        command.Parameters.Add(PostgresArrays.Parameter("packages", NpgsqlDbType.Text, rows.Select(r => r.Event.Package ?? "")));
        command.Parameters.Add(PostgresArrays.Parameter("quantities", NpgsqlDbType.Numeric, rows.Select(r => r.Event.Quantity)));
        command.Parameters.Add(PostgresArrays.Parameter("occurred_at", NpgsqlDbType.TimestampTz, rows.Select(r => r.Event.OccurredAt.ToUniversalTime())));

        var inserted = new HashSet<string>(rows.Count, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add(reader.GetString(0));
        }

        return inserted;
    }

    // COPY inserts the rows in bulk and fails on the first id already recorded, which rolls the transaction back.
    private static async Task CopyNewAsync(NpgsqlDataSource database, InstanceEvent[] rows, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var recordedAt = DateTimeOffset.UtcNow;
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY usage_events ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var (instanceId, usage) in rows)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(usage.EventId, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(instanceId, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(usage.Package ?? "", NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(UsageHours.Start(usage.OccurredAt), NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(usage.Quantity, NpgsqlDbType.Numeric, cancellationToken);
                await copy.WriteAsync(usage.OccurredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(recordedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var hours = new NpgsqlCommand(AddHoursSql, connection, transaction))
        {
            AddHourlySums(hours.Parameters, rows);
            await hours.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static void AddHourlySums(NpgsqlParameterCollection parameters, InstanceEvent[] rows)
    {
        var sums = new Dictionary<(string Instance, string Package, DateTimeOffset Hour), (decimal Quantity, long Events)>();
        foreach (var (instanceId, usage) in rows)
        {
            var key = (instanceId, usage.Package ?? "", UsageHours.Start(usage.OccurredAt));
            var sum = sums.GetValueOrDefault(key);
            sums[key] = (sum.Quantity + usage.Quantity, sum.Events + 1);
        }

        parameters.Add(PostgresArrays.Parameter("instances", NpgsqlDbType.Text, sums.Keys.Select(k => k.Instance)));
        parameters.Add(PostgresArrays.Parameter("packages", NpgsqlDbType.Text, sums.Keys.Select(k => k.Package)));
        parameters.Add(PostgresArrays.Parameter("hours", NpgsqlDbType.TimestampTz, sums.Keys.Select(k => k.Hour)));
        parameters.Add(PostgresArrays.Parameter("quantities", NpgsqlDbType.Numeric, sums.Values.Select(v => v.Quantity)));
        parameters.Add(PostgresArrays.Parameter("events", NpgsqlDbType.Bigint, sums.Values.Select(v => v.Events)));
    }
}
