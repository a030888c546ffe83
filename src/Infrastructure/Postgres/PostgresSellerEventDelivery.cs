using Npgsql;
using Provisioning.Grains.Events;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// The deliverer's port on <c>seller_event_outbox</c> (deploy/sql/0008). Heads are leased by one statement that locks
/// them (skipping rows another silo is locking) and re-checks the lease on each, so of two silos racing for a stream one
/// gets it and the other takes other streams; a stream's next event is no head until the one before is delivered or dead.
/// </summary>
internal sealed class PostgresSellerEventDelivery(NpgsqlDataSource database) : ISellerEventDelivery
{
    private const string LeaseSql = """
        WITH heads AS (
            SELECT DISTINCT ON (stream) seq, next_attempt_at, leased_until
              FROM seller_event_outbox
             WHERE delivered_at IS NULL AND dead_at IS NULL
             ORDER BY stream, seq
        ), due AS (
            SELECT o.seq FROM seller_event_outbox o
             WHERE o.seq IN (SELECT seq FROM heads WHERE next_attempt_at <= @now AND (leased_until IS NULL OR leased_until < @now))
               AND o.delivered_at IS NULL AND o.dead_at IS NULL AND (o.leased_until IS NULL OR o.leased_until < @now)
             ORDER BY o.next_attempt_at, o.seq
             LIMIT @limit
               FOR UPDATE SKIP LOCKED
        )
        UPDATE seller_event_outbox o
           SET leased_until = @lease_until, lease_id = gen_random_uuid()
          FROM due
         WHERE o.seq = due.seq
           AND o.delivered_at IS NULL AND o.dead_at IS NULL
           AND (o.leased_until IS NULL OR o.leased_until < @now)
        RETURNING o.seq, o.event_id, o.stream, o.event_type, o.occurred_at, o.data, o.attempts, coalesce(o.redriven_at, o.enqueued_at), o.lease_id
        """;

    // Deletes in slices, so one prune never holds many rows at once.
    private const string PruneSql = """
        DELETE FROM seller_event_outbox
         WHERE seq IN (SELECT seq FROM seller_event_outbox WHERE delivered_at < @before ORDER BY delivered_at LIMIT 10000)
        """;

    public async Task<IReadOnlyList<DueEvent>> LeaseDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(LeaseSql);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("lease_until", leaseUntil);
        command.Parameters.AddWithValue("limit", limit);
        var leased = new List<DueEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            leased.Add(new DueEvent(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetString(5), reader.GetInt32(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetGuid(8)));
        }

        // The statement's order is not kept by RETURNING.
        leased.Sort((a, b) => a.Seq.CompareTo(b.Seq));
        return leased;
    }

    public Task DeliveredAsync(DueEvent leased, DateTimeOffset at, CancellationToken cancellationToken) =>
        RecordAsync(leased, "delivered_at = @at, leased_until = NULL", at, null, cancellationToken);

    public Task FailedAsync(DueEvent leased, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        RecordAsync(leased, "attempts = attempts + 1, last_error = @error, next_attempt_at = @at, leased_until = NULL", nextAttemptAt, error, cancellationToken);

    public Task DeadAsync(DueEvent leased, string error, DateTimeOffset at, CancellationToken cancellationToken) =>
        RecordAsync(leased, "attempts = attempts + 1, last_error = @error, dead_at = @at, leased_until = NULL", at, error, cancellationToken);

    public Task ReleaseAsync(DueEvent leased, CancellationToken cancellationToken) =>
        RecordAsync(leased, "leased_until = NULL", null, null, cancellationToken);

    public async Task<int> PruneAsync(DateTimeOffset deliveredBefore, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(PruneSql);
        command.Parameters.AddWithValue("before", deliveredBefore);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task RecordAsync(DueEvent leased, string set, DateTimeOffset? at, string? error, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            UPDATE seller_event_outbox SET {set}
             WHERE event_id = @id AND lease_id = @lease AND delivered_at IS NULL AND dead_at IS NULL
            """);
        command.Parameters.AddWithValue("id", leased.EventId);
        command.Parameters.AddWithValue("lease", leased.Lease);
        command.Parameters.AddWithValue("at", (object?)at ?? DBNull.Value);
        command.Parameters.AddWithValue("error", (object?)error ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
