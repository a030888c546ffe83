using System.Text.Json;

namespace Provisioning.KooGallery.Kit;

/// <summary>
/// allOrgSync (组织部门信息同步(全量) / 部门全量同步, Kit spec §A.5): the tenant's complete flat department list,
/// to be applied as replace-all. A <c>flag</c>, sent in one V2 example, is ignored.
/// </summary>
public sealed record AllOrgSyncRequest(
    string? InstanceId, string TenantId, IReadOnlyList<KitDepartment> Departments, bool Test, string TimeStamp)
{
    /// <summary>The most departments one call may carry.</summary>
    public const int MaxDepartments = 20_000;

    /// <summary>
    /// Parses a body of either generation: the list is <c>orgInfoList</c> (V2) or <c>orgInfo</c> (V1), each a JSON
    /// array or a string holding one in relaxed syntax (<see cref="RelaxedJson"/>).
    /// </summary>
    public static Parsed<AllOrgSyncRequest> Parse(JsonElement root)
    {
        var f = new FieldReader(root);
        var instanceId = f.RequiredMayBeEmpty("instanceId", KitFields.IdLength);
        var tenantId = f.Required("tenantId", KitFields.IdLength);
        var departments = ReadDepartments(f);
        var request = new AllOrgSyncRequest(instanceId, tenantId, departments, KitFields.Test(f), KitFields.TimeStamp(f));
        return Parsed<AllOrgSyncRequest>.From(request, f);
    }

    private static List<KitDepartment> ReadDepartments(FieldReader f)
    {
        if (!f.Has("orgInfoList") && !f.Has("orgInfo"))
        {
            return f.Fail("orgInfoList (or orgInfo) is missing", new List<KitDepartment>());
        }

        var field = f.Has("orgInfoList") ? "orgInfoList" : "orgInfo";
        var items = f.RequiredArray(field);
        if (items.Count > MaxDepartments)
        {
            return f.Fail($"{field} has {items.Count} departments; at most {MaxDepartments} are allowed", new List<KitDepartment>());
        }

        var departments = new List<KitDepartment>(items.Count);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count && f.Error is null; i++)
        {
            var department = KitDepartment.Read(f.Item(field, i, items[i]));
            if (f.Error is null && !codes.Add(department.OrgCode))
            {
                f.Fail($"{field} holds orgCode '{department.OrgCode}' more than once", 0);
            }

            departments.Add(department);
        }

        return departments;
    }
}
