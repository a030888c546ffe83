using Npgsql;
using Provisioning.Grains.Events;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>The operator's port on <c>seller_event_outbox</c> (deploy/sql/0008, 0011): keyset pages by seq, one stream's events, and the re-drive.</summary>
internal sealed class PostgresSellerEventOperations(NpgsqlDataSource database, SellerEventNudge nudge) : ISellerEventOutboxOperations
{
    private const string Columns = "seq, event_id, stream, event_type, attempts, next_attempt_at, last_error, enqueued_at, dead_at, delivered_at";

    public Task<IReadOnlyList<OutboxEntry>> PendingAsync(long afterSeq, int limit, CancellationToken cancellationToken) =>
        PageAsync("delivered_at IS NULL AND dead_at IS NULL", afterSeq, limit, cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> DeadLettersAsync(long afterSeq, int limit, CancellationToken cancellationToken) =>
        PageAsync("dead_at IS NOT NULL AND delivered_at IS NULL", afterSeq, limit, cancellationToken);

    public async Task<IReadOnlyList<OutboxEntry>> StreamAsync(string stream, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM seller_event_outbox WHERE stream = @stream ORDER BY seq DESC LIMIT @limit");
        command.Parameters.AddWithValue("stream", stream);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<int> RedriveAsync(string? eventId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            UPDATE seller_event_outbox
               SET dead_at = NULL, attempts = 0, next_attempt_at = @now, redriven_at = @now, leased_until = NULL
             WHERE dead_at IS NOT NULL AND delivered_at IS NULL AND (@id::text IS NULL OR event_id = @id)
            """);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("id", (object?)eventId ?? DBNull.Value);
        var redriven = await command.ExecuteNonQueryAsync(cancellationToken);
        if (redriven > 0) nudge.Nudge();
        return redriven;
    }

    private async Task<IReadOnlyList<OutboxEntry>> PageAsync(string filter, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM seller_event_outbox WHERE {filter} AND seq > @after ORDER BY seq LIMIT @limit");
        command.Parameters.AddWithValue("after", afterSeq);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<OutboxEntry>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var page = new List<OutboxEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(new OutboxEntry(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetFieldValue<DateTimeOffset>(7), reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9)));
        }

        return page;
    }
}
