using Provisioning.KooGallery.Kit;
using Provisioning.Marketplace.Callbacks;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// The users and departments a Kit scenario syncs, written the way each generation carries them: V1 puts the lists in strings
/// (departments named <c>name</c>, user extras under <c>extension</c>), V2 sends JSON arrays (departments named <c>orgName</c>).
/// </summary>
internal static class KitDirectory
{
    /// <summary>A user to grant; <paramref name="Role"/> is <c>admin</c> or <c>user</c>; a disabled user is granted but may not log in.</summary>
    public sealed record User(string UserName, string Name, string OrgCode, string Role, bool Enabled = true);

    /// <summary>A department; a parent not in the list counts as the enterprise root.</summary>
    public sealed record Department(string OrgCode, string OrgName, string? ParentCode);

    /// <summary>authSync's <c>userList</c> field.</summary>
    public static (string Name, object? Value) UserList(KitGeneration generation, IEnumerable<User> users)
    {
        if (generation == KitGeneration.V1)
        {
            var items = users.Select(u => new
            {
                userName = u.UserName, name = u.Name, orgCode = u.OrgCode, position = "Engineer", role = u.Role, enable = u.Enabled ? "true" : "false",
                employeeCode = "", mobile = "", email = "",
                extension = new { entryDate = "2022-11-9", employeeType = "1", workPlace = "Nanjing" },
            });
            return ("userList", SortedJson.Text(items));
        }

        return ("userList", users.Select(u => new
        {
            userName = u.UserName, name = u.Name, orgCode = u.OrgCode, position = "Engineer", employeeType = 1, role = u.Role, enable = u.Enabled ? "true" : "false",
            workPlace = "Nanjing", entryDate = "2022-11-9",
        }).ToArray());
    }

    /// <summary>allOrgSync's list field: <c>orgInfo</c> (V1) or <c>orgInfoList</c> (V2).</summary>
    public static (string Name, object? Value) DepartmentList(KitGeneration generation, IEnumerable<Department> departments) =>
        generation == KitGeneration.V1
            ? ("orgInfo", SortedJson.Text(departments.Select(d => new { orgCode = d.OrgCode, name = d.OrgName, parentCode = d.ParentCode ?? "" })))
            : ("orgInfoList", departments.Select(d => new { orgCode = d.OrgCode, orgName = d.OrgName, parentCode = d.ParentCode ?? "" }).ToArray());
}
