using Npgsql;
using NpgsqlTypes;

using Provisioning.Grains.Usage;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// The usage ledger in our own PostgreSQL tables (deploy/sql/0006, 0007). Concurrent appends are group-committed: one transaction
/// records the events of many meters at once. Re-driving a dead letter keeps its attempts and last error, so an operator
/// still sees why it was parked until it is pushed or fails anew. Pruning commits in chunks, so an interrupted prune has
/// forgotten some of the old events and the next one forgets the rest.
/// </summary>
internal sealed class PostgresUsageLedger : IUsageLedger, IAsyncDisposable
{
    private const string RecordColumns =
        "metering_sn, instance_id, package, hour_start, sequence, value, product_id, staged_at, status, attempts, next_attempt_at, pushed_at, last_error";

    private const string OutboxOrder = "ORDER BY hour_start, instance_id, package, sequence";

    // Heap blocks per prune statement (8 MiB at the default block size): each statement's work stays bounded.
    internal const int PruneBlocks = 1_024;

    private readonly NpgsqlDataSource _database;
    private readonly UsageGroupCommit _appends;

    public PostgresUsageLedger(NpgsqlDataSource database)
    {
        _database = database;
        _appends = new UsageGroupCommit((events, cancellationToken) => PostgresUsageEvents.InsertAsync(database, events, cancellationToken));
    }

    public Task<IReadOnlyList<bool>> AppendAsync(string instanceId, IReadOnlyList<UsageEvent> events, CancellationToken cancellationToken) =>
        _appends.AppendAsync(instanceId, events, cancellationToken);

    public async Task<IReadOnlyList<HourUsage>> GetHoursAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand("""
            SELECT h.package, h.hour_start, h.quantity, h.events, coalesce(r.staged, 0), coalesce(r.records, 0)
              FROM usage_hours h
              LEFT JOIN (SELECT package, hour_start, sum(value) AS staged, count(*)::integer AS records
                           FROM usage_records WHERE instance_id = @instance GROUP BY package, hour_start) r
                USING (package, hour_start)
             WHERE h.instance_id = @instance
             ORDER BY h.hour_start, h.package COLLATE "C"
            """);
        command.Parameters.AddWithValue("instance", instanceId);
        var hours = new List<HourUsage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hours.Add(new HourUsage(
                Package(reader.GetString(0)), reader.GetFieldValue<DateTimeOffset>(1), reader.GetDecimal(2), reader.GetInt64(3),
                reader.GetDecimal(4), reader.GetInt32(5)));
        }

        return hours;
    }

    public async Task StageAsync(IReadOnlyList<MeteringRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0) return;
        // Only records new to the outbox add to their hours' staged amounts. Hours are locked in the order ingest locks
        // them, so a late event of a closed hour and its staging wait for each other and never deadlock.
        await using var command = _database.CreateCommand($"""
            WITH inserted AS (
                INSERT INTO usage_records ({RecordColumns})
                SELECT * FROM unnest(@sns, @instances, @packages, @hours, @sequences, @values, @products, @staged, @statuses,
                                     @attempts, @next_attempts, @pushed, @errors)
                ON CONFLICT (metering_sn) DO NOTHING
                RETURNING instance_id, package, hour_start, value
            ), sums AS (
                SELECT instance_id, package, hour_start, sum(value) AS value FROM inserted GROUP BY instance_id, package, hour_start
            ), locked AS (
                SELECT h.instance_id, h.package, h.hour_start, s.value
                  FROM usage_hours h JOIN sums s USING (instance_id, package, hour_start)
                 ORDER BY h.instance_id, h.package, h.hour_start
                   FOR UPDATE OF h
            )
            UPDATE usage_hours h SET staged = h.staged + l.value
              FROM locked l
             WHERE (h.instance_id, h.package, h.hour_start) = (l.instance_id, l.package, l.hour_start)
            """);
        command.Parameters.Add(PostgresArrays.Parameter("sns", NpgsqlDbType.Text, records.Select(r => r.MeteringSn)));
        command.Parameters.Add(PostgresArrays.Parameter("instances", NpgsqlDbType.Text, records.Select(r => r.InstanceId)));
        command.Parameters.Add(PostgresArrays.Parameter("packages", NpgsqlDbType.Text, records.Select(r => r.Package ?? "")));
        command.Parameters.Add(PostgresArrays.Parameter("hours", NpgsqlDbType.TimestampTz, records.Select(r => r.HourStart.ToUniversalTime())));
        command.Parameters.Add(PostgresArrays.Parameter("sequences", NpgsqlDbType.Integer, records.Select(r => r.Sequence)));
        command.Parameters.Add(PostgresArrays.Parameter("values", NpgsqlDbType.Numeric, records.Select(r => r.Value)));
        command.Parameters.Add(PostgresArrays.Parameter("products", NpgsqlDbType.Text, records.Select(r => r.ProductId)));
        command.Parameters.Add(PostgresArrays.Parameter("staged", NpgsqlDbType.TimestampTz, records.Select(r => r.StagedAt.ToUniversalTime())));
        command.Parameters.Add(PostgresArrays.Parameter("statuses", NpgsqlDbType.Smallint, records.Select(r => (short)r.Status)));
        command.Parameters.Add(PostgresArrays.Parameter("attempts", NpgsqlDbType.Integer, records.Select(r => r.Attempts)));
        command.Parameters.Add(PostgresArrays.Parameter("next_attempts", NpgsqlDbType.TimestampTz, records.Select(r => r.NextAttemptAt.ToUniversalTime())));
        command.Parameters.Add(PostgresArrays.Parameter("pushed", NpgsqlDbType.TimestampTz, records.Select(r => r.PushedAt?.ToUniversalTime())));
        command.Parameters.Add(PostgresArrays.Parameter("errors", NpgsqlDbType.Text, records.Select(r => r.LastError)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<MeteringRecord>> GetRecordsAsync(string instanceId, CancellationToken cancellationToken) =>
        ReadRecordsAsync(
            $"SELECT {RecordColumns} FROM usage_records WHERE instance_id = @instance ORDER BY hour_start, package, sequence",
            cancellationToken, ("instance", instanceId));

    public Task<IReadOnlyList<MeteringRecord>> GetDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        ReadRecordsAsync(
            $"SELECT {RecordColumns} FROM usage_records WHERE status = 0 AND next_attempt_at <= @now {OutboxOrder} LIMIT @limit",
            cancellationToken, ("now", now.ToUniversalTime()), ("limit", limit));

    public Task MarkPushedAsync(IReadOnlyList<string> meteringSns, DateTimeOffset pushedAt, CancellationToken cancellationToken) =>
        UpdateAsync("status = 1, pushed_at = @at", meteringSns, cancellationToken, ("at", pushedAt.ToUniversalTime()));

    public Task RetryLaterAsync(IReadOnlyList<string> meteringSns, DateTimeOffset retryAt, string error, CancellationToken cancellationToken) =>
        UpdateAsync("attempts = attempts + 1, next_attempt_at = @at, last_error = @error", meteringSns, cancellationToken,
            ("at", retryAt.ToUniversalTime()), ("error", error));

    public Task DeadLetterAsync(IReadOnlyList<string> meteringSns, string error, CancellationToken cancellationToken) =>
        UpdateAsync("status = 2, attempts = attempts + 1, last_error = @error", meteringSns, cancellationToken, ("error", error));

    public Task<IReadOnlyList<MeteringRecord>> GetDeadLettersAsync(int limit, CancellationToken cancellationToken) =>
        ReadRecordsAsync($"SELECT {RecordColumns} FROM usage_records WHERE status = 2 {OutboxOrder} LIMIT @limit", cancellationToken, ("limit", limit));

    public Task<int> RedriveAsync(string? instanceId, DateTimeOffset now, CancellationToken cancellationToken) =>
        MoveAsync(MeteringRecordStatus.DeadLettered, "status = 0, next_attempt_at = @now", instanceId, now, cancellationToken);

    public Task HoldAsync(IReadOnlyList<string> meteringSns, string error, CancellationToken cancellationToken) =>
        UpdateAsync("status = 3, attempts = attempts + 1, last_error = @error", meteringSns, cancellationToken, ("error", error));

    public Task<IReadOnlyList<MeteringRecord>> GetHeldAsync(int limit, CancellationToken cancellationToken) =>
        ReadRecordsAsync($"SELECT {RecordColumns} FROM usage_records WHERE status = 3 {OutboxOrder} LIMIT @limit", cancellationToken, ("limit", limit));

    public Task<int> ResolveHeldAsync(string? instanceId, bool delivered, DateTimeOffset now, CancellationToken cancellationToken) =>
        MoveAsync(MeteringRecordStatus.Held, delivered ? "status = 1, pushed_at = @now" : "status = 0, next_attempt_at = @now", instanceId, now, cancellationToken);

    public async Task<OutboxSummary> GetSummaryAsync(DateTimeOffset closedBy, CancellationToken cancellationToken)
    {
        // Each record part reads one range of usage_records_by_status, the oldest hours its first entries; the unstaged
        // hours are a range of the small partial index usage_hours_unstaged.
        await using var command = _database.CreateCommand("""
            WITH unstaged AS (SELECT count(*) AS hours, min(hour_start) AS oldest FROM usage_hours WHERE quantity > staged AND hour_start <= @last_closed)
            SELECT (SELECT count(*) FROM usage_records WHERE status = 0),
                   (SELECT count(*) FROM usage_records WHERE status = 2),
                   least((SELECT min(hour_start) FROM usage_records WHERE status = 0),
                         (SELECT min(hour_start) FROM usage_records WHERE status = 2),
                         (SELECT min(hour_start) FROM usage_records WHERE status = 3),
                         (SELECT oldest FROM unstaged)),
                   (SELECT count(*) FROM usage_records WHERE status = 3),
                   (SELECT hours FROM unstaged)
            """);
        command.Parameters.AddWithValue("last_closed", LastClosedHour(closedBy));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new OutboxSummary(
            reader.GetInt64(0), reader.GetInt64(1),
            reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
            reader.GetInt64(3), reader.GetInt64(4));
    }

    public async Task<IReadOnlyList<string>> GetUnstagedAsync(DateTimeOffset closedBy, int limit, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand("""
            SELECT instance_id FROM usage_hours WHERE quantity > staged AND hour_start <= @last_closed
             GROUP BY instance_id ORDER BY min(hour_start), instance_id COLLATE "C" LIMIT @limit
            """);
        command.Parameters.AddWithValue("last_closed", LastClosedHour(closedBy));
        command.Parameters.AddWithValue("limit", limit);
        var instances = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) instances.Add(reader.GetString(0));
        return instances;
    }

    public async Task<long> PruneEventsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        // usage_events has no index but its key (ingest is the hot path), so a prune is one pass over the table, a range
        // of blocks per statement. Events recorded after it starts lie beyond 'before' (see IUsageLedger).
        long blocks;
        await using (var size = _database.CreateCommand(
            "SELECT pg_relation_size('usage_events') / current_setting('block_size')::bigint"))
        {
            blocks = (long)(await size.ExecuteScalarAsync(cancellationToken))!;
        }

        long pruned = 0;
        for (long from = 0; from < blocks; from += PruneBlocks)
        {
            await using var delete = _database.CreateCommand(
                "DELETE FROM usage_events WHERE ctid >= @from AND ctid < @until AND occurred_at < @before");
            delete.Parameters.Add(new NpgsqlParameter<NpgsqlTid>("from", NpgsqlDbType.Tid) { TypedValue = new((uint)from, 0) });
            delete.Parameters.Add(new NpgsqlParameter<NpgsqlTid>("until", NpgsqlDbType.Tid) { TypedValue = new((uint)Math.Min(from + PruneBlocks, uint.MaxValue), 0) });
            delete.Parameters.AddWithValue("before", before.ToUniversalTime());
            pruned += await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        return pruned;
    }

    public ValueTask DisposeAsync() => _appends.DisposeAsync();

    private async Task<int> MoveAsync(
        MeteringRecordStatus from, string set, string? instanceId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand(
            $"UPDATE usage_records SET {set} WHERE status = @from{(instanceId is null ? "" : " AND instance_id = @instance")}");
        command.Parameters.AddWithValue("from", (short)from);
        command.Parameters.AddWithValue("now", now.ToUniversalTime());
        if (instanceId is not null) command.Parameters.AddWithValue("instance", instanceId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task UpdateAsync(
        string set, IReadOnlyList<string> meteringSns, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        if (meteringSns.Count == 0) return;
        await using var command = _database.CreateCommand($"UPDATE usage_records SET {set} WHERE metering_sn = ANY(@sns)");
        command.Parameters.Add(PostgresArrays.Parameter("sns", NpgsqlDbType.Text, meteringSns));
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<MeteringRecord>> ReadRecordsAsync(
        string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = _database.CreateCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        var records = new List<MeteringRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new MeteringRecord(
                reader.GetString(0), reader.GetString(1), Package(reader.GetString(2)), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetInt32(4), reader.GetDecimal(5), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7),
                (MeteringRecordStatus)reader.GetInt16(8), reader.GetInt32(9), reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11), reader.IsDBNull(12) ? null : reader.GetString(12)));
        }

        return records;
    }

    private static string? Package(string stored) => stored.Length == 0 ? null : stored;

    /// <summary>An hour has ended by <paramref name="closedBy"/> when it starts at or before this.</summary>
    private static DateTimeOffset LastClosedHour(DateTimeOffset closedBy) => closedBy.ToUniversalTime().AddHours(-1);
}
