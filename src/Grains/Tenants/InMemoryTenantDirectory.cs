namespace Provisioning.Grains.Tenants;

/// <summary>The tenant directory of the zero-setup, in-memory mode: the same rules as PostgreSQL, lost when the process stops.</summary>
internal sealed class InMemoryTenantDirectory : ITenantDirectory
{
    private sealed record UserRow(TenantUser User, bool Deleted);

    private readonly Dictionary<string, SortedDictionary<(string AppId, string UserName), UserRow>> _users = [];
    private readonly Dictionary<string, Dictionary<string, Department>> _departments = [];
    private readonly Lock _lock = new();

    public Task ApplyUsersAsync(string tenant, UserSync sync, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var users = Table(_users, tenant, () => new SortedDictionary<(string, string), UserRow>());
            foreach (var user in sync.Users)
            {
                var key = (sync.AppId, user.UserName);
                var stored = users.GetValueOrDefault(key);
                if (stored is not null && stored.User.SyncTime > sync.SyncTime) continue;
                var (next, deleted) = UserDirectoryRules.Apply(stored?.User, stored?.Deleted ?? false, sync, user);
                users[key] = new UserRow(next, deleted);
            }
        }

        return Task.CompletedTask;
    }

    public Task UpsertDepartmentAsync(string tenant, Department department, CancellationToken cancellationToken)
    {
        lock (_lock) Table(_departments, tenant, () => new Dictionary<string, Department>())[department.OrgCode] = department;
        return Task.CompletedTask;
    }

    public Task DeleteDepartmentAsync(string tenant, string orgCode, CancellationToken cancellationToken)
    {
        lock (_lock) Table(_departments, tenant, () => new Dictionary<string, Department>()).Remove(orgCode);
        return Task.CompletedTask;
    }

    public Task ReplaceDepartmentsAsync(string tenant, IReadOnlyList<Department> departments, CancellationToken cancellationToken)
    {
        lock (_lock) _departments[tenant] = departments.ToDictionary(d => d.OrgCode);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TenantUser>> GetUsersAsync(string tenant, int offset, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<TenantUser> page = [.. Table(_users, tenant, () => new SortedDictionary<(string, string), UserRow>()).Values
                .Where(row => !row.Deleted).Skip(offset).Take(limit).Select(row => row.User)];
            return Task.FromResult(page);
        }
    }

    public Task<IReadOnlyList<Department>> GetDepartmentsAsync(string tenant, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<Department> all = [.. Table(_departments, tenant, () => new Dictionary<string, Department>()).Values.OrderBy(d => d.OrgCode, StringComparer.Ordinal)];
            return Task.FromResult(all);
        }
    }

    private static T Table<T>(Dictionary<string, T> tables, string tenant, Func<T> create)
    {
        if (!tables.TryGetValue(tenant, out var table)) tables[tenant] = table = create();
        return table;
    }
}
