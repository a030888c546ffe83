namespace Provisioning.Simulator.Seller;

/// <summary>A tenant as the seller API shows it (the fields the scenarios check).</summary>
public sealed record SellerTenant(
    string TenantId, string? TenantCode, string? Name, string? DomainName, IReadOnlyList<string> InstanceIds, bool BoundBySeller,
    IReadOnlyList<SellerApplication> Applications);

/// <summary>An app client of a tenant; the secret only when read with the admin key.</summary>
public sealed record SellerApplication(string AppId, string ClientId, string? ClientSecret);

/// <summary>A user as the seller API shows it.</summary>
public sealed record SellerUser(string AppId, string UserName, string Name, string OrgCode, string Role, bool Enabled, bool Authorized);

/// <summary>A department as the seller API shows it.</summary>
public sealed record SellerDepartment(string OrgCode, string OrgName, string? ParentCode);

/// <summary>A page of users.</summary>
internal sealed record SellerUserPage(IReadOnlyList<SellerUser> Users);

/// <summary>An instance as the seller API shows it (the fields the scenarios check).</summary>
public sealed record SellerInstance(string InstanceId, string Status);

/// <summary>A page of the instance list.</summary>
internal sealed record SellerInstancePage(IReadOnlyList<SellerInstance> Instances, string? NextCursor);
