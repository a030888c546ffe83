using Provisioning.Grains.Events;
using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Tenants;

/// <summary>
/// One buyer enterprise. Syncs for a tenant are applied one at a time (the grain is not reentrant), so a batch never
/// interleaves with another; users and departments go to the <see cref="ITenantDirectory"/> in one statement or
/// transaction each (with their event, when they change something), the profile, links and app clients to the grain's
/// own small state. A profile or application change is written together with its event in that state, and only then
/// handed to the outbox; what a crash left unhanded is handed on the next activation or sync (the outbox ignores an id it
/// already holds), so an applied change never loses its event and an unapplied one never has one.
/// </summary>
[GrainType("tenant")]
internal sealed class TenantGrain(
    [PersistentState("tenant", StorageNames.Grains)] IPersistentState<TenantState> state,
    ITenantDirectory directory,
    ISellerEventOutbox outbox,
    SellerEventPolicy policy,
    TimeProvider clock) : Grain, ITenantGrain
{
    private const string SellerLink = "";

    private string Key => this.GetPrimaryKeyString();

    private TenantAddress? _address;

    private TenantAddress Address => _address ??= TenantAddress.FromKey(Key);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => PublishAsync();

    async Task ITenantGrain.SyncProfile(TenantProfileSync sync)
    {
        await PublishAsync();
        var s = state.State;
        var link = sync.InstanceId ?? SellerLink;
        if (sync.Action == SyncAction.Delete)
        {
            // Deleting removes only this binding: the enterprise may stay bound to its other instances.
            if (!s.Links.Remove(link)) return;
        }
        else
        {
            var changed = !s.Known || (s.TenantCode, s.Name, s.DomainName) != (sync.TenantCode, sync.Name, sync.DomainName);
            (s.TenantCode, s.Name, s.DomainName) = (sync.TenantCode, sync.Name, sync.DomainName);
            if (sync.Action == SyncAction.Add) changed |= s.Links.Add(link);
            if (!changed) return;
        }

        s.Known = true;
        await WriteAsync(() => TenantEvents.Profile(Address, sync, clock.GetUtcNow()));
    }

    async Task ITenantGrain.SyncApplication(ApplicationSync sync)
    {
        await PublishAsync();
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
        await WriteAsync(() => TenantEvents.Application(Address, sync, clock.GetUtcNow()));
    }

    async Task ITenantGrain.SyncUsers(UserSync sync)
    {
        await Remember();
        await directory.ApplyUsersAsync(Key, sync, Event(() => TenantEvents.Users(Address, sync, clock.GetUtcNow())), CancellationToken.None);
    }

    async Task ITenantGrain.SyncDepartment(Department department, SyncAction action)
    {
        await Remember();
        var e = Event(() => TenantEvents.Department(Address, department.OrgCode, action, clock.GetUtcNow()));
        if (action == SyncAction.Delete) await directory.DeleteDepartmentAsync(Key, department.OrgCode, e, CancellationToken.None);
        else await directory.UpsertDepartmentAsync(Key, department, e, CancellationToken.None);
    }

    async Task ITenantGrain.ReplaceDepartments(IReadOnlyList<Department> departments)
    {
        await Remember();
        await directory.ReplaceDepartmentsAsync(Key, departments, Event(() => TenantEvents.Departments(Address, departments, clock.GetUtcNow())), CancellationToken.None);
    }

    Task<TenantSnapshot?> ITenantGrain.Get()
    {
        var s = state.State;
        return Task.FromResult(s.Known
            ? new TenantSnapshot(Address.TenantId, s.TenantCode, s.Name, s.DomainName, [.. s.Links.Where(l => l != SellerLink).Order(StringComparer.Ordinal)],
                s.Links.Contains(SellerLink), [.. s.Applications.Values.OrderBy(a => a.AppId, StringComparer.Ordinal)])
            : null);
    }

    Task<IReadOnlyList<TenantUser>> ITenantGrain.GetUsers(int offset, int limit) => directory.GetUsersAsync(Key, offset, limit, CancellationToken.None);

    Task<TenantUser?> ITenantGrain.GetUser(string appId, string userName) => directory.GetUserAsync(Key, appId, userName, CancellationToken.None);

    Task<IReadOnlyList<Department>> ITenantGrain.GetDepartments() => directory.GetDepartmentsAsync(Key, CancellationToken.None);

    private SellerEvent? Event(Func<SellerEvent> make) => policy.Records(Address.Traffic) ? make() : null;

    // The change and its event are one state write; the outbox gets the event after.
    private async Task WriteAsync(Func<SellerEvent> change)
    {
        if (Event(change) is { } e) state.State.Unpublished.Add(e);
        await state.WriteStateAsync();
        await PublishAsync();
    }

    private async Task PublishAsync()
    {
        var unpublished = state.State.Unpublished;
        if (unpublished.Count == 0) return;
        await outbox.EnqueueAsync([.. unpublished], CancellationToken.None);
        unpublished.Clear();
        await state.WriteStateAsync();
    }

    // A tenant first met through a user or department sync still exists for the seller's reads.
    private async Task Remember()
    {
        if (state.State.Known) return;
        state.State.Known = true;
        await state.WriteStateAsync();
    }
}
