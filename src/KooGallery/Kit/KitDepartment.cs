
namespace Provisioning.KooGallery.Kit;

/// <summary>
/// One department of an allOrgSync list (Kit spec §A.5). <see cref="ParentCode"/> is null for a top-level department;
/// it may name a code not in the list (the enterprise root), which counts as top-level too.
/// </summary>
public sealed record KitDepartment(string OrgCode, string OrgName, string? ParentCode)
{
    internal const int CodeLength = 64;
    internal const int NameLength = 128;

    /// <summary>Reads one department; the name is under <c>orgName</c> (V2) or <c>name</c> (V1 text).</summary>
    internal static KitDepartment Read(FieldReader f) => new(
        f.Required("orgCode", CodeLength),
        f.RequiredEither("orgName", "name", NameLength),
        f.Optional("parentCode", CodeLength));
}
