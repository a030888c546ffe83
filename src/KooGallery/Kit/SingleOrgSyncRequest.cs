using System.Text.Json;

namespace Provisioning.KooGallery.Kit;

/// <summary>
/// singleOrgSync (组织部门信息同步(增量) / 部门增量同步, Kit spec §A.4): one department created, changed or deleted.
/// <see cref="ParentCode"/> is null for a top-level department. Both generations carry the same fields.
/// </summary>
public sealed record SingleOrgSyncRequest(
    string? InstanceId, string TenantId, string OrgCode, string OrgName, string? ParentCode,
    SyncFlag Flag, bool Test, string TimeStamp)
{
    /// <summary>Parses a body of either generation; flag 0, 1 and 2 are allowed.</summary>
    public static Parsed<SingleOrgSyncRequest> Parse(JsonElement root)
    {
        var f = new FieldReader(root);
        var request = new SingleOrgSyncRequest(
            f.RequiredMayBeEmpty("instanceId", KitFields.IdLength),
            f.Required("tenantId", KitFields.IdLength),
            f.Required("orgCode", KitDepartment.CodeLength),
            f.RequiredEither("orgName", "name", KitDepartment.NameLength),
            f.Optional("parentCode", KitDepartment.CodeLength),
            KitFields.Flag(f, SyncFlag.Delete, SyncFlag.Add, SyncFlag.Modify),
            KitFields.Test(f),
            KitFields.TimeStamp(f));
        return Parsed<SingleOrgSyncRequest>.From(request, f);
    }
}
