
namespace Provisioning.KooGallery.Kit;

/// <summary>
/// One user of an authSync <c>userList</c> (Kit spec §A.3). <see cref="Role"/> is <c>admin</c> or <c>user</c>, in
/// lowercase; <see cref="EntryDate"/> is kept as sent (<c>yyyy-M-d</c>, unpadded in the examples).
/// </summary>
public sealed record KitUser(
    string UserName, string Name, string OrgCode, string? Position, string? EmployeeCode, int? EmployeeType,
    string Role, bool Enabled, string? Mobile, string? Email, string? WorkPlace, string? EntryDate)
{
    /// <summary>The administrator role, which the seller maps to its own admin role.</summary>
    public const string AdminRole = "admin";

    /// <summary>The ordinary user role.</summary>
    public const string UserRole = "user";

    /// <summary>
    /// Reads one user; V1 puts employeeType, entryDate and workPlace under <c>extension</c>, so each is taken from the
    /// user itself or, when absent there, from its extension.
    /// </summary>
    internal static KitUser Read(FieldReader f)
    {
        var extension = f.OptionalObject("extension");
        var userName = f.Required("userName", 64);
        var name = f.Required("name", 64);
        var orgCode = f.Required("orgCode", 64);
        var position = f.Optional("position", 64);
        var employeeCode = f.Optional("employeeCode", 64);
        var employeeType = Either(f, extension, "employeeType", r => r.OptionalInt("employeeType"));
        var role = ReadRole(f);
        var enabled = f.RequiredBoolean("enable", 8);
        return new KitUser(
            userName, name, orgCode, position, employeeCode, employeeType, role, enabled,
            f.Optional("mobile", 32),
            f.Optional("email", 128),
            Either(f, extension, "workPlace", r => r.Optional("workPlace", 256)),
            Either(f, extension, "entryDate", r => r.Optional("entryDate", 20)));
    }

    private static T? Either<T>(FieldReader f, FieldReader? extension, string name, Func<FieldReader, T?> read) =>
        f.Has(name) || extension is null ? read(f) : read(extension);

    private static string ReadRole(FieldReader f)
    {
        var role = f.Required("role", 32);
        if (role.Length == 0) return role;
        var lower = role.ToLowerInvariant();
        return lower is AdminRole or UserRole ? lower : f.Fail($"{f.PathOf("role")} '{role}' is not admin or user", lower);
    }
}
