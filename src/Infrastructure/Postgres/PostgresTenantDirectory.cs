using Npgsql;
using NpgsqlTypes;

using Provisioning.Grains.Events;
using Provisioning.Grains.Tenants;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// The tenant directory in our own PostgreSQL tables (deploy/sql/0005). A batch is one statement over arrays, so its
/// cost follows the batch, not the tenant; a full department sync is one transaction. Each write counts the rows whose
/// visible content it changed, and records the sync's event (deploy/sql/0008) in the same transaction when it did.
/// </summary>
internal sealed class PostgresTenantDirectory(NpgsqlDataSource database, SellerEventNudge nudge) : ITenantDirectory
{
    private const string UserContent = "name, org_code, position, employee_code, employee_type, admin, enabled, mobile, email, work_place, entry_date, authorized, deleted";

    private const string UserColumns =
        "user_name, name, org_code, position, employee_code, employee_type, admin, enabled, mobile, email, work_place, entry_date";

    public async Task ApplyUsersAsync(string tenant, UserSync sync, SellerEvent? recordIfChanged, CancellationToken cancellationToken)
    {
        var (authorized, deleted, update) = sync.Action switch
        {
            SyncAction.Add => ("true", "false",
                "name = excluded.name, org_code = excluded.org_code, position = excluded.position, employee_code = excluded.employee_code, " +
                "employee_type = excluded.employee_type, admin = excluded.admin, enabled = excluded.enabled, mobile = excluded.mobile, " +
                "email = excluded.email, work_place = excluded.work_place, entry_date = excluded.entry_date, authorized = true, deleted = false"),
            SyncAction.Modify => ("true", "false",
                "name = excluded.name, org_code = excluded.org_code, position = excluded.position, employee_code = excluded.employee_code, " +
                "employee_type = excluded.employee_type, admin = excluded.admin, enabled = excluded.enabled, mobile = excluded.mobile, " +
                "email = excluded.email, work_place = excluded.work_place, entry_date = excluded.entry_date"),
            SyncAction.CancelAuthorization => ("false", "false", "authorized = false"),
            _ => ("false", "true", "authorized = false, deleted = true"),
        };

        // The rows as they were and as the upsert left them (one snapshot for the whole statement): a user counts as changed
        // when its content differs, or when it is new and not deleted.
        var sql = $"""
            WITH incoming AS (
                SELECT * FROM unnest(@user_name, @name, @org_code, @position, @employee_code, @employee_type, @admin, @enabled,
                                     @mobile, @email, @work_place, @entry_date) AS u({UserColumns})
            ), before AS (
                SELECT t.user_name, ({UserContent}) AS content
                  FROM tenant_users t WHERE t.tenant = @tenant AND t.app_id = @app AND t.user_name IN (SELECT user_name FROM incoming)
            ), applied AS (
                INSERT INTO tenant_users (tenant, app_id, {UserColumns}, authorized, deleted, synced_at)
                SELECT @tenant, @app, incoming.*, {authorized}, {deleted}, @synced FROM incoming
                ON CONFLICT (tenant, app_id, user_name) DO UPDATE SET {update}, synced_at = excluded.synced_at
                 WHERE tenant_users.synced_at <= excluded.synced_at
                RETURNING user_name, deleted, ({UserContent}) AS content
            )
            SELECT count(*)::int FROM applied a LEFT JOIN before b ON b.user_name = a.user_name
             WHERE CASE WHEN b.user_name IS NULL THEN NOT a.deleted ELSE b.content IS DISTINCT FROM a.content END
            """;

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        var users = sync.Users;
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("app", sync.AppId);
        command.Parameters.AddWithValue("synced", sync.SyncTime.ToUniversalTime());
        Array(command, "user_name", users.Select(u => u.UserName));
        Array(command, "name", users.Select(u => u.Name));
        Array(command, "org_code", users.Select(u => u.OrgCode));
        Array(command, "position", users.Select(u => u.Position));
        Array(command, "employee_code", users.Select(u => u.EmployeeCode));
        command.Parameters.Add(new NpgsqlParameter("employee_type", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = users.Select(u => u.EmployeeType).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("admin", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = users.Select(u => u.Admin).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("enabled", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = users.Select(u => u.Enabled).ToArray() });
        Array(command, "mobile", users.Select(u => u.Mobile));
        Array(command, "email", users.Select(u => u.Email));
        Array(command, "work_place", users.Select(u => u.WorkPlace));
        Array(command, "entry_date", users.Select(u => u.EntryDate));
        var changed = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        await CommitAsync(transaction, changed, recordIfChanged, cancellationToken);
    }

    public async Task UpsertDepartmentAsync(string tenant, Department department, SellerEvent? recordIfChanged, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO tenant_departments (tenant, org_code, org_name, parent_code) VALUES (@tenant, @code, @name, @parent)
            ON CONFLICT (tenant, org_code) DO UPDATE SET org_name = excluded.org_name, parent_code = excluded.parent_code
             WHERE (tenant_departments.org_name, tenant_departments.parent_code) IS DISTINCT FROM (excluded.org_name, excluded.parent_code)
            """, connection, transaction);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("code", department.OrgCode);
        command.Parameters.AddWithValue("name", department.OrgName);
        command.Parameters.AddWithValue("parent", (object?)department.ParentCode ?? DBNull.Value);
        var changed = await command.ExecuteNonQueryAsync(cancellationToken);
        await CommitAsync(transaction, changed, recordIfChanged, cancellationToken);
    }

    public async Task DeleteDepartmentAsync(string tenant, string orgCode, SellerEvent? recordIfChanged, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM tenant_departments WHERE tenant = @tenant AND org_code = @code", connection, transaction);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("code", orgCode);
        var changed = await command.ExecuteNonQueryAsync(cancellationToken);
        await CommitAsync(transaction, changed, recordIfChanged, cancellationToken);
    }

    public async Task ReplaceDepartmentsAsync(string tenant, IReadOnlyList<Department> departments, SellerEvent? recordIfChanged, CancellationToken cancellationToken)
    {
        var changed = 0;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO tenant_departments (tenant, org_code, org_name, parent_code)
            SELECT @tenant, d.code, d.name, d.parent FROM unnest(@codes, @names, @parents) AS d(code, name, parent)
            ON CONFLICT (tenant, org_code) DO UPDATE SET org_name = excluded.org_name, parent_code = excluded.parent_code
             WHERE (tenant_departments.org_name, tenant_departments.parent_code) IS DISTINCT FROM (excluded.org_name, excluded.parent_code)
            """, connection, transaction))
        {
            upsert.Parameters.AddWithValue("tenant", tenant);
            Array(upsert, "codes", departments.Select(d => d.OrgCode));
            Array(upsert, "names", departments.Select(d => d.OrgName));
            Array(upsert, "parents", departments.Select(d => d.ParentCode));
            changed += await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var prune = new NpgsqlCommand(
            "DELETE FROM tenant_departments WHERE tenant = @tenant AND NOT (org_code = ANY(@codes))", connection, transaction))
        {
            prune.Parameters.AddWithValue("tenant", tenant);
            Array(prune, "codes", departments.Select(d => d.OrgCode));
            changed += await prune.ExecuteNonQueryAsync(cancellationToken);
        }

        await CommitAsync(transaction, changed, recordIfChanged, cancellationToken);
    }

    public async Task<IReadOnlyList<TenantUser>> GetUsersAsync(string tenant, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            SELECT app_id, {UserColumns}, authorized, synced_at FROM tenant_users
             WHERE tenant = @tenant AND NOT deleted ORDER BY app_id COLLATE "C", user_name COLLATE "C" OFFSET @offset LIMIT @limit
            """);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("offset", offset);
        command.Parameters.AddWithValue("limit", limit);
        var users = new List<TenantUser>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) users.Add(ReadUser(reader));
        return users;
    }

    public async Task<TenantUser?> GetUserAsync(string tenant, string appId, string userName, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            SELECT app_id, {UserColumns}, authorized, synced_at FROM tenant_users
             WHERE tenant = @tenant AND app_id = @app AND user_name = @user AND NOT deleted
            """);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("app", appId);
        command.Parameters.AddWithValue("user", userName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadUser(reader) : null;
    }

    private static TenantUser ReadUser(NpgsqlDataReader reader)
    {
        var user = new DirectoryUser(
            reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(reader, 4), Text(reader, 5),
            reader.IsDBNull(6) ? null : reader.GetInt32(6), reader.GetBoolean(7), reader.GetBoolean(8),
            Text(reader, 9), Text(reader, 10), Text(reader, 11), Text(reader, 12));
        return new TenantUser(reader.GetString(0), user, reader.GetBoolean(13), reader.GetFieldValue<DateTimeOffset>(14));
    }

    public async Task<IReadOnlyList<Department>> GetDepartmentsAsync(string tenant, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT org_code, org_name, parent_code FROM tenant_departments WHERE tenant = @tenant ORDER BY org_code COLLATE \"C\"");
        command.Parameters.AddWithValue("tenant", tenant);
        var departments = new List<Department>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            departments.Add(new Department(reader.GetString(0), reader.GetString(1), Text(reader, 2)));
        }

        return departments;
    }

    // The event goes into the outbox in the write's own transaction, so neither commits without the other.
    private async Task CommitAsync(NpgsqlTransaction transaction, int changed, SellerEvent? recordIfChanged, CancellationToken cancellationToken)
    {
        var record = changed > 0 && recordIfChanged is not null;
        if (record)
        {
            await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
            batch.BatchCommands.Add(SellerEventRows.Insert([recordIfChanged!]));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (record) nudge.Nudge();
    }

    private static void Array(NpgsqlCommand command, string name, IEnumerable<string?> values) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() });

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
