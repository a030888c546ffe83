namespace Provisioning.Grains.Tenants;

/// <summary>What one user sync does to one stored user (spec A-18): add and modify keep the user's data current,
/// delete hides the user, cancelling authorization keeps the user but withdraws the app grant.</summary>
internal static class UserDirectoryRules
{
    public static (TenantUser User, bool Deleted) Apply(TenantUser? stored, bool storedDeleted, UserSync sync, DirectoryUser incoming) => sync.Action switch
    {
        SyncAction.Add => (new TenantUser(sync.AppId, incoming, Authorized: true, sync.SyncTime), false),
        SyncAction.Modify => (new TenantUser(sync.AppId, incoming, stored?.Authorized ?? true, sync.SyncTime), storedDeleted),
        SyncAction.CancelAuthorization => (new TenantUser(sync.AppId, stored?.User ?? incoming, Authorized: false, sync.SyncTime), storedDeleted),
        _ => (new TenantUser(sync.AppId, stored?.User ?? incoming, Authorized: false, sync.SyncTime), true),
    };
}
