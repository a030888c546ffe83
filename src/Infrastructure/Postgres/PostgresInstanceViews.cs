using System.Text;
using Npgsql;
using NpgsqlTypes;

using Provisioning.Grains.Instances;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// Reads the instance list from <c>instance_views</c>: a keyset page in instance id order (byte order, the column's collation),
/// with only the filters asked for in the statement, so each shape of query is planned on its own index.
/// </summary>
internal sealed class PostgresInstanceViews(NpgsqlDataSource database) : IInstanceViewReader
{
    public async Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand();
        var sql = new StringBuilder($"SELECT {InstanceViewRows.Columns} FROM instance_views WHERE test = @test AND duplicate_of IS NULL");
        command.Parameters.Add(new NpgsqlParameter<bool>("test", query.Traffic == Traffic.Test));
        if (query.Status is { } status) Filter(" AND status = @status", "status", InstanceNames.Of(status));
        if (query.ProductId is { } product) Filter(" AND product_id = @product", "product", product);
        if (query.CustomerId is { } customer) Filter(" AND customer_id = @customer", "customer", customer);
        if (query.ExpiresBefore is { } before)
        {
            sql.Append(" AND expires_at < @expires_before");
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("expires_before", NpgsqlDbType.TimestampTz) { TypedValue = before.ToUniversalTime() });
        }

        if (query.After is { } after) Filter(" AND instance_id > @after", "after", after);
        sql.Append(" ORDER BY instance_id LIMIT @limit");
        command.Parameters.Add(new NpgsqlParameter<int>("limit", query.Limit + 1));
        command.CommandText = sql.ToString();

        var page = new List<InstanceView>(Math.Min(query.Limit + 1, 1_024));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) page.Add(InstanceViewRows.Read(reader));
        }

        var more = page.Count > query.Limit;
        if (more) page.RemoveAt(page.Count - 1);
        return new InstancePage(page, more ? page[^1].InstanceId : null);

        void Filter(string condition, string name, string value)
        {
            sql.Append(condition);
            command.Parameters.Add(new NpgsqlParameter<string>(name, NpgsqlDbType.Text) { TypedValue = value });
        }
    }

    public async Task<IReadOnlyList<InstanceCount>> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT test, status, product_id, count(*) FROM instance_views WHERE duplicate_of IS NULL GROUP BY test, status, product_id");
        var counts = new List<InstanceCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new InstanceCount(reader.GetBoolean(0) ? Traffic.Test : Traffic.Live, Enum.Parse<InstanceStatus>(reader.GetString(1), ignoreCase: true),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3)));
        }

        return counts;
    }
}
