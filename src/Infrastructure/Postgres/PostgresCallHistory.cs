using Npgsql;
using NpgsqlTypes;

using Provisioning.Grains.CallHistory;
using Provisioning.Grains.Instances;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// The call history in our own PostgreSQL table (deploy/sql/0010). Concurrent appends are group-committed: one statement,
/// one transaction, carries the entries of many callbacks. Pages are read by keyset along call_history_by_instance;
/// pruning deletes bounded chunks, each its own transaction, skipping rows another silo's prune is deleting.
/// </summary>
internal sealed class PostgresCallHistory : ICallHistory, IAsyncDisposable
{
    private const string Columns = "instance_id, test, called_at, protocol, activity, order_id, result_code, result_message, latency_ms, trace_id";

    /// <summary>Rows per prune statement: each statement's work and locks stay bounded.</summary>
    internal const int PruneChunk = 5_000;

    private readonly NpgsqlDataSource _database;
    private readonly CallHistoryGroupCommit _appends;

    public PostgresCallHistory(NpgsqlDataSource database)
    {
        _database = database;
        _appends = new CallHistoryGroupCommit(InsertAsync);
    }

    public Task AppendAsync(IReadOnlyList<CallHistoryEntry> entries, CancellationToken cancellationToken) => _appends.AppendAsync(entries);

    public async Task<IReadOnlyList<RecordedCall>> ReadAsync(
        InstanceAddress instance, int limit, CallHistoryPosition? after, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand($"""
            SELECT seq, {Columns} FROM call_history
             WHERE instance_id = @instance AND test = @test{(after is null ? "" : " AND (called_at, seq) < (@at, @seq)")}
             ORDER BY called_at DESC, seq DESC
             LIMIT @limit
            """);
        command.Parameters.AddWithValue("instance", instance.InstanceId);
        command.Parameters.AddWithValue("test", instance.Traffic == Traffic.Test);
        command.Parameters.AddWithValue("limit", limit);
        if (after is not null)
        {
            command.Parameters.AddWithValue("at", after.At.ToUniversalTime());
            command.Parameters.AddWithValue("seq", after.Sequence);
        }

        var calls = new List<RecordedCall>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var at = reader.GetFieldValue<DateTimeOffset>(3);
            var entry = new CallHistoryEntry(
                reader.GetString(1), reader.GetBoolean(2) ? Traffic.Test : Traffic.Live, at, reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetDouble(9), reader.GetString(10));
            calls.Add(new RecordedCall(new CallHistoryPosition(at, reader.GetInt64(0)), entry));
        }

        return calls;
    }

    public async Task<IReadOnlyList<CallCount>> CountSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var command = _database.CreateCommand(
            "SELECT test, activity, result_code, count(*) FROM call_history WHERE called_at >= @since GROUP BY test, activity, result_code");
        command.Parameters.AddWithValue("since", since.ToUniversalTime());
        var counts = new List<CallCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new CallCount(reader.GetBoolean(0) ? Traffic.Test : Traffic.Live, reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
        }

        return counts;
    }

    public async Task<long> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        long pruned = 0;
        int deleted;
        do
        {
            await using var delete = _database.CreateCommand("""
                DELETE FROM call_history WHERE seq IN (
                    SELECT seq FROM call_history WHERE called_at < @before LIMIT @chunk FOR UPDATE SKIP LOCKED)
                """);
            delete.Parameters.AddWithValue("before", before.ToUniversalTime());
            delete.Parameters.AddWithValue("chunk", PruneChunk);
            deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
            pruned += deleted;
        }
        while (deleted == PruneChunk);

        return pruned;
    }

    public ValueTask DisposeAsync() => _appends.DisposeAsync();

    // Rows go in arrival order, so seq follows called_at within a batch and the block-range index stays tight. The commit
    // does not wait for its WAL flush: the entry is in the database before the callback is answered, so no silo or gateway
    // crash loses it, and only a crash of the PostgreSQL server itself within a fraction of a second can (never a state
    // change: those commit synchronously). Waiting for the flush would double every callback's latency.
    private async Task InsertAsync(IReadOnlyList<CallHistoryEntry> entries)
    {
        var rows = entries.OrderBy(e => e.At).ToArray();
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"));
        var command = new NpgsqlBatchCommand($"""
            INSERT INTO call_history ({Columns})
            SELECT * FROM unnest(@instances, @tests, @at, @protocols, @activities, @orders, @codes, @messages, @latencies, @traces)
            """);
        batch.BatchCommands.Add(command);
        command.Parameters.Add(PostgresArrays.Parameter("instances", NpgsqlDbType.Text, rows.Select(r => r.InstanceId)));
        command.Parameters.Add(PostgresArrays.Parameter("tests", NpgsqlDbType.Boolean, rows.Select(r => r.Traffic == Traffic.Test)));
        command.Parameters.Add(PostgresArrays.Parameter("at", NpgsqlDbType.TimestampTz, rows.Select(r => r.At.ToUniversalTime())));
        command.Parameters.Add(PostgresArrays.Parameter("protocols", NpgsqlDbType.Text, rows.Select(r => r.Protocol)));
        command.Parameters.Add(PostgresArrays.Parameter("activities", NpgsqlDbType.Text, rows.Select(r => r.Activity)));
        command.Parameters.Add(PostgresArrays.Parameter("orders", NpgsqlDbType.Text, rows.Select(r => r.OrderId)));
        command.Parameters.Add(PostgresArrays.Parameter("codes", NpgsqlDbType.Text, rows.Select(r => r.ResultCode)));
        command.Parameters.Add(PostgresArrays.Parameter("messages", NpgsqlDbType.Text, rows.Select(r => r.ResultMessage)));
        command.Parameters.Add(PostgresArrays.Parameter("latencies", NpgsqlDbType.Double, rows.Select(r => r.LatencyMs)));
        command.Parameters.Add(PostgresArrays.Parameter("traces", NpgsqlDbType.Text, rows.Select(r => r.TraceId)));
        await batch.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
