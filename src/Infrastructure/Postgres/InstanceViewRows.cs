using Npgsql;
using NpgsqlTypes;

using Provisioning.Grains.Instances;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>The rows of <c>instance_views</c> (deploy/sql/0009): the versioned upsert the projection writes, and reading one back.</summary>
internal static class InstanceViewRows
{
    public const string Columns =
        "instance_id, test, status, product_id, sku_code, charging_mode, trial, customer_id, opening_order_id, last_order_id, expires_at, created_at, updated_at, version";

    // A row replaces the stored one only when its version is newer, so a late or repeated write never moves the view back.
    private const string UpsertSql = $"""
        INSERT INTO instance_views (grain_key, {Columns}, storage_version, duplicate_of)
        SELECT * FROM unnest(@grain_keys, @instance_ids, @tests, @statuses, @product_ids, @sku_codes, @charging_modes, @trials, @customer_ids,
                             @opening_order_ids, @last_order_ids, @expires_at, @created_at, @updated_at, @versions, @storage_versions, @duplicates_of)
        ON CONFLICT (grain_key) DO UPDATE SET
            status = EXCLUDED.status, product_id = EXCLUDED.product_id, sku_code = EXCLUDED.sku_code, charging_mode = EXCLUDED.charging_mode,
            trial = EXCLUDED.trial, customer_id = EXCLUDED.customer_id, opening_order_id = EXCLUDED.opening_order_id,
            last_order_id = EXCLUDED.last_order_id, expires_at = EXCLUDED.expires_at, created_at = EXCLUDED.created_at,
            updated_at = EXCLUDED.updated_at, version = EXCLUDED.version, storage_version = EXCLUDED.storage_version,
            duplicate_of = EXCLUDED.duplicate_of, projected_at = now()
        WHERE instance_views.version < EXCLUDED.version
        """;

    /// <summary>The upsert of <paramref name="rows"/>, at most one per instance, as one command of a batch.</summary>
    public static NpgsqlBatchCommand Upsert(IReadOnlyList<ProjectedInstance> rows)
    {
        var command = new NpgsqlBatchCommand(UpsertSql);
        var p = command.Parameters;
        p.Add(PostgresArrays.Parameter("grain_keys", NpgsqlDbType.Text, rows.Select(r => r.GrainKey)));
        p.Add(PostgresArrays.Parameter("instance_ids", NpgsqlDbType.Text, rows.Select(r => r.View.InstanceId)));
        p.Add(PostgresArrays.Parameter("tests", NpgsqlDbType.Boolean, rows.Select(r => r.View.Traffic == Traffic.Test)));
        p.Add(PostgresArrays.Parameter("statuses", NpgsqlDbType.Text, rows.Select(r => InstanceNames.Of(r.View.Status))));
        p.Add(PostgresArrays.Parameter("product_ids", NpgsqlDbType.Text, rows.Select(r => r.View.ProductId)));
        p.Add(PostgresArrays.Parameter("sku_codes", NpgsqlDbType.Text, rows.Select(r => r.View.SkuCode)));
        p.Add(PostgresArrays.Parameter("charging_modes", NpgsqlDbType.Text, rows.Select(r => r.View.ChargingMode is { } mode ? InstanceNames.Of(mode) : null)));
        p.Add(PostgresArrays.Parameter("trials", NpgsqlDbType.Boolean, rows.Select(r => r.View.Trial)));
        p.Add(PostgresArrays.Parameter("customer_ids", NpgsqlDbType.Text, rows.Select(r => r.View.CustomerId)));
        p.Add(PostgresArrays.Parameter("opening_order_ids", NpgsqlDbType.Text, rows.Select(r => r.View.OpeningOrderId)));
        p.Add(PostgresArrays.Parameter("last_order_ids", NpgsqlDbType.Text, rows.Select(r => r.View.LastOrderId)));
        p.Add(PostgresArrays.Parameter("expires_at", NpgsqlDbType.TimestampTz, rows.Select(r => r.View.ExpiresAt?.ToUniversalTime())));
        p.Add(PostgresArrays.Parameter("created_at", NpgsqlDbType.TimestampTz, rows.Select(r => r.View.CreatedAt.ToUniversalTime())));
        p.Add(PostgresArrays.Parameter("updated_at", NpgsqlDbType.TimestampTz, rows.Select(r => r.View.UpdatedAt.ToUniversalTime())));
        p.Add(PostgresArrays.Parameter("versions", NpgsqlDbType.Bigint, rows.Select(r => r.View.Version)));
        p.Add(PostgresArrays.Parameter("storage_versions", NpgsqlDbType.Integer, rows.Select(r => r.StorageVersion)));
        p.Add(PostgresArrays.Parameter("duplicates_of", NpgsqlDbType.Text, rows.Select(r => r.DuplicateOf)));
        return command;
    }

    /// <summary>Reads a row selected with <see cref="Columns"/> in that order.</summary>
    public static InstanceView Read(NpgsqlDataReader row) => new(
        row.GetString(0),
        row.GetBoolean(1) ? Traffic.Test : Traffic.Live,
        Enum.Parse<InstanceStatus>(row.GetString(2), ignoreCase: true),
        Text(row, 3),
        Text(row, 4),
        row.IsDBNull(5) ? null : Enum.Parse<ChargingMode>(row.GetString(5), ignoreCase: true),
        row.GetBoolean(6),
        Text(row, 7),
        row.GetString(8),
        Text(row, 9),
        row.IsDBNull(10) ? null : row.GetFieldValue<DateTimeOffset>(10),
        row.GetFieldValue<DateTimeOffset>(11),
        row.GetFieldValue<DateTimeOffset>(12),
        row.GetInt64(13));

    private static string? Text(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);
}
