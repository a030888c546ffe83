using Provisioning.Grains.Events;

namespace Provisioning.Grains.Tenants;

/// <summary>
/// The tenant directory of the zero-setup, in-memory mode: the same rules as PostgreSQL, lost when the process stops. Its
/// events go to the in-memory outbox under the directory's lock, so no reader sees a change without its event.
/// </summary>
internal sealed class InMemoryTenantDirectory(ISellerEventOutbox outbox) : ITenantDirectory
{
    private sealed record UserRow(TenantUser User, bool Deleted);

    private readonly Dictionary<string, SortedDictionary<(string AppId, string UserName), UserRow>> _users = [];
    private readonly Dictionary<string, Dictionary<string, Department>> _departments = [];
    private readonly Lock _lock = new();

    public Task ApplyUsersAsync(string tenant, UserSync sync, SellerEvent? recordIfChanged, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var changed = false;
            var users = Table(_users, tenant, () => new SortedDictionary<(string, string), UserRow>());
            foreach (var user in sync.Users)
            {
                var key = (sync.AppId, user.UserName);
                var stored = users.GetValueOrDefault(key);
                if (stored is not null && stored.User.SyncTime > sync.SyncTime) continue;
                var (next, deleted) = UserDirectoryRules.Apply(stored?.User, stored?.Deleted ?? false, sync, user);
                changed |= stored is null ? !deleted : stored.Deleted != deleted || stored.User with { SyncTime = next.SyncTime } != next;
                users[key] = new UserRow(next, deleted);
            }

            Record(changed, recordIfChanged);
        }

        return Task.CompletedTask;
    }

    public Task UpsertDepartmentAsync(string tenant, Department department, SellerEvent? recordIfChanged, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var departments = Table(_departments, tenant, () => new Dictionary<string, Department>());
            var changed = departments.GetValueOrDefault(department.OrgCode) != department;
            departments[department.OrgCode] = department;
            Record(changed, recordIfChanged);
        }

        return Task.CompletedTask;
    }

    public Task DeleteDepartmentAsync(string tenant, string orgCode, SellerEvent? recordIfChanged, CancellationToken cancellationToken)
    {
        lock (_lock) Record(Table(_departments, tenant, () => new Dictionary<string, Department>()).Remove(orgCode), recordIfChanged);
        return Task.CompletedTask;
    }

    public Task ReplaceDepartmentsAsync(string tenant, IReadOnlyList<Department> departments, SellerEvent? recordIfChanged, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var before = Table(_departments, tenant, () => new Dictionary<string, Department>());
            var after = departments.ToDictionary(d => d.OrgCode);
            var changed = before.Count != after.Count || after.Any(pair => before.GetValueOrDefault(pair.Key) != pair.Value);
            _departments[tenant] = after;
            Record(changed, recordIfChanged);
        }

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

    public Task<TenantUser?> GetUserAsync(string tenant, string appId, string userName, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var users = Table(_users, tenant, () => new SortedDictionary<(string, string), UserRow>());
            return Task.FromResult(users.TryGetValue((appId, userName), out var row) && !row.Deleted ? row.User : null);
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

    // The in-memory outbox completes synchronously, so the event is in it before the lock is released.
    private void Record(bool changed, SellerEvent? e)
    {
        if (changed && e is not null) outbox.EnqueueAsync([e], CancellationToken.None).GetAwaiter().GetResult();
    }

    private static T Table<T>(Dictionary<string, T> tables, string tenant, Func<T> create)
    {
        if (!tables.TryGetValue(tenant, out var table)) tables[tenant] = table = create();
        return table;
    }
}
