namespace Provisioning.Grains.Tenants;

/// <summary>
/// One buyer enterprise of a joint-operation product, keyed by <see cref="TenantAddress.Key"/>. It owns the tenant's
/// profile, instance links and app clients; its users and departments live in the tenant directory, written here.
/// Every sync is idempotent, and durable before it returns.
/// </summary>
[Alias("prov.ITenantGrain")]
public interface ITenantGrain : IGrainWithStringKey
{
    [Alias("SyncProfile")] Task SyncProfile(TenantProfileSync sync);

    [Alias("SyncApplication")] Task SyncApplication(ApplicationSync sync);

    [Alias("SyncUsers")] Task SyncUsers(UserSync sync);

    [Alias("SyncDepartment")] Task SyncDepartment(Department department, SyncAction action);

    /// <summary>Makes the tenant's departments exactly these (full sync).</summary>
    [Alias("ReplaceDepartments")] Task ReplaceDepartments(IReadOnlyList<Department> departments);

    /// <summary>The tenant, or null if no sync ever named it.</summary>
    [Alias("Get")] Task<TenantSnapshot?> Get();

    /// <summary>A page of the tenant's users (authorized or not, deleted ones left out), ordered by app and user name.</summary>
    [Alias("GetUsers")] Task<IReadOnlyList<TenantUser>> GetUsers(int offset, int limit);

    /// <summary>One user of one app (authorized or not), or null when authSync never named them or deleted them.</summary>
    [Alias("GetUser")] Task<TenantUser?> GetUser(string appId, string userName);

    [Alias("GetDepartments")] Task<IReadOnlyList<Department>> GetDepartments();
}
