using Provisioning.Grains.Tenants;

namespace Provisioning.Gateway.SellerApi;

/// <summary>A tenant as the seller's application reads it.</summary>
public sealed record TenantView(
    string TenantId, string? TenantCode, string? Name, string? DomainName, IReadOnlyList<string> InstanceIds, bool BoundBySeller,
    IReadOnlyList<ApplicationView> Applications);

/// <summary>The seller app's OAuth client for a tenant; the secret only for the admin credential.</summary>
public sealed record ApplicationView(string AppId, string ClientId, DateTimeOffset UpdatedAt, string? ClientSecret);

/// <summary>A page of a tenant's users.</summary>
public sealed record UserPage(int Offset, int Limit, IReadOnlyList<UserView> Users);

/// <summary>A user the marketplace authorized (or no longer authorizes) for one of the seller's apps.</summary>
public sealed record UserView(
    string AppId, string UserName, string Name, string OrgCode, string Role, bool Enabled, bool Authorized, string? Position,
    string? EmployeeCode, int? EmployeeType, string? Mobile, string? Email, string? WorkPlace, string? EntryDate, DateTimeOffset SyncTime)
{
    public static UserView From(TenantUser u) => new(
        u.AppId, u.User.UserName, u.User.Name, u.User.OrgCode, u.User.Admin ? "admin" : "user", u.User.Enabled, u.Authorized,
        u.User.Position, u.User.EmployeeCode, u.User.EmployeeType, u.User.Mobile, u.User.Email, u.User.WorkPlace, u.User.EntryDate, u.SyncTime);
}

/// <summary>A department; <c>ParentCode</c> is null for a top-level one, including one whose parent the tenant never sent.</summary>
public sealed record DepartmentView(string OrgCode, string OrgName, string? ParentCode);
