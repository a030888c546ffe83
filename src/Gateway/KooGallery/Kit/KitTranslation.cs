using Provisioning.Grains.Tenants;
using Provisioning.KooGallery.Kit;

namespace Provisioning.Gateway.KooGallery.Kit;

/// <summary>Translates Kit syncs into marketplace-neutral tenant commands.</summary>
internal static class KitTranslation
{
    public static TenantProfileSync Profile(TenantSyncRequest r) =>
        new(r.InstanceId, r.OrderId, r.TenantCode, r.Name, r.DomainName, Action(r.Flag));

    public static ApplicationSync Application(ApplicationSyncRequest r) =>
        new(r.InstanceId, r.AppId, r.ClientId, r.EncryptedClientSecret, Action(r.Flag));

    public static UserSync Users(AuthSyncRequest r) =>
        new(r.AppId, [.. r.Users.Select(User)], r.CurrentSync, Action(r.Flag));

    public static Department Department(SingleOrgSyncRequest r) => new(r.OrgCode, r.OrgName, r.ParentCode);

    public static IReadOnlyList<Department> Departments(AllOrgSyncRequest r) => [.. r.Departments.Select(d => new Department(d.OrgCode, d.OrgName, d.ParentCode))];

    public static SyncAction Action(SyncFlag flag) => flag switch
    {
        SyncFlag.Add => SyncAction.Add,
        SyncFlag.Modify => SyncAction.Modify,
        SyncFlag.CancelAuthorization => SyncAction.CancelAuthorization,
        _ => SyncAction.Delete,
    };

    private static DirectoryUser User(KitUser u) =>
        new(u.UserName, u.Name, u.OrgCode, u.Position, u.EmployeeCode, u.EmployeeType, u.Role == KitUser.AdminRole, u.Enabled, u.Mobile, u.Email, u.WorkPlace, u.EntryDate);
}
