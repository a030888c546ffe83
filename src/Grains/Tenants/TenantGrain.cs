namespace Provisioning.Grains.Tenants;

/// <summary>
/// One buyer enterprise. Syncs for a tenant are applied one at a time (the grain is not reentrant), so a batch never
/// interleaves with another; users and departments go to the <see cref="ITenantDirectory"/> in one statement or
/// transaction each, the profile, links and app clients to the grain's own small state.
/// </summary>
[GrainType("tenant")]
internal sealed class TenantGrain(
    [PersistentState("tenant", StorageNames.Grains)] IPersistentState<TenantState> state,
    ITenantDirectory directory,
    TimeProvider clock) : Grain, ITenantGrain
{
    private const string SellerLink = "";

    private string Key => this.GetPrimaryKeyString();

    async Task ITenantGrain.SyncProfile(TenantProfileSync sync)
    {
        var s = state.State;
        var link = sync.InstanceId ?? SellerLink;
        if (sync.Action == SyncAction.Delete)
        {
            // Deleting removes only this binding: the enterprise may stay bound to its other instances.
            if (!s.Links.Remove(link)) return;
        }
        else
        {
            (s.TenantCode, s.Name, s.DomainName) = (sync.TenantCode, sync.Name, sync.DomainName);
            if (sync.Action == SyncAction.Add) s.Links.Add(link);
        }

        s.Known = true;
        await state.WriteStateAsync();
    }

    async Task ITenantGrain.SyncApplication(ApplicationSync sync)
    {
        var apps = state.State.Applications;
        if (sync.Action == SyncAction.Delete)
        {
            if (!apps.Remove(sync.AppId)) return;
        }
        else
        {
            var current = apps.GetValueOrDefault(sync.AppId);
            if (current is not null && current.ClientId == sync.ClientId && current.EncryptedClientSecret == sync.EncryptedClientSecret) return;
            apps[sync.AppId] = new TenantApplication(sync.AppId, sync.ClientId, sync.EncryptedClientSecret, clock.GetUtcNow());
        }

        state.State.Known = true;
        await state.WriteStateAsync();
    }

    async Task ITenantGrain.SyncUsers(UserSync sync)
    {
        await Remember();
        await directory.ApplyUsersAsync(Key, sync, CancellationToken.None);
    }

    async Task ITenantGrain.SyncDepartment(Department department, SyncAction action)
    {
        await Remember();
        if (action == SyncAction.Delete) await directory.DeleteDepartmentAsync(Key, department.OrgCode, CancellationToken.None);
        else await directory.UpsertDepartmentAsync(Key, department, CancellationToken.None);
    }

    async Task ITenantGrain.ReplaceDepartments(IReadOnlyList<Department> departments)
    {
        await Remember();
        await directory.ReplaceDepartmentsAsync(Key, departments, CancellationToken.None);
    }

    Task<TenantSnapshot?> ITenantGrain.Get()
    {
        var s = state.State;
        var tenantId = Key[(Key.IndexOf('/') + 1)..];
        return Task.FromResult(s.Known
            ? new TenantSnapshot(tenantId, s.TenantCode, s.Name, s.DomainName, [.. s.Links.Where(l => l != SellerLink).Order(StringComparer.Ordinal)],
                s.Links.Contains(SellerLink), [.. s.Applications.Values.OrderBy(a => a.AppId, StringComparer.Ordinal)])
            : null);
    }

    Task<IReadOnlyList<TenantUser>> ITenantGrain.GetUsers(int offset, int limit) => directory.GetUsersAsync(Key, offset, limit, CancellationToken.None);

    Task<IReadOnlyList<Department>> ITenantGrain.GetDepartments() => directory.GetDepartmentsAsync(Key, CancellationToken.None);

    // A tenant first met through a user or department sync still exists for the seller's reads.
    private async Task Remember()
    {
        if (state.State.Known) return;
        state.State.Known = true;
        await state.WriteStateAsync();
    }
}
