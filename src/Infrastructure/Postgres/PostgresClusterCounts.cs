using Npgsql;
using Provisioning.Infrastructure.Telemetry;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// The counts of <c>instance_views</c> by traffic and status, and of the undelivered rows of <c>seller_event_outbox</c>, in one
/// round trip; each count is answered by one of the tables' partial indexes.
/// </summary>
internal sealed class PostgresClusterCounts(NpgsqlDataSource database) : IClusterCounts
{
    private const string InstancesSql = """
        SELECT test, status, count(*) FROM instance_views WHERE duplicate_of IS NULL GROUP BY test, status
        """;

    private const string EventsSql = """
        SELECT (SELECT count(*) FROM seller_event_outbox WHERE delivered_at IS NULL AND dead_at IS NULL),
               (SELECT count(*) FROM seller_event_outbox WHERE dead_at IS NOT NULL AND delivered_at IS NULL)
        """;

    public async Task<ClusterCounts> ReadAsync(CancellationToken cancellationToken)
    {
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(InstancesSql));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(EventsSql));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var instances = new Dictionary<(string, string), long>();
        while (await reader.ReadAsync(cancellationToken)) instances[(reader.GetBoolean(0) ? "test" : "live", reader.GetString(1))] = reader.GetInt64(2);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ClusterCounts(instances, reader.GetInt64(0), reader.GetInt64(1));
    }
}
