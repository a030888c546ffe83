namespace Provisioning.KooGallery.Login;

/// <summary>
/// The userinfo answer (kit §D.2). <see cref="Tenant"/> and <see cref="UserName"/> are always present: they find the
/// user of an authSync. Other members are null when absent or empty.
/// </summary>
/// <param name="Id">The auth center's user id.</param>
/// <param name="UserName">The login name, as in authSync <c>userName</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="Email">The e-mail address, when the buyer shares it.</param>
/// <param name="Mobile">The mobile number, when the buyer shares it.</param>
/// <param name="Role">User or admin; null when not sent.</param>
/// <param name="OrganizationName">The user's organization.</param>
/// <param name="OrganizationCode">The organization's code (authSync/org sync <c>orgCode</c>).</param>
/// <param name="UserId">The user id again, as some auth centers name it.</param>
/// <param name="ProjectName">The tenant's name.</param>
/// <param name="Tenant">The tenant id (tenantSync <c>tenantId</c>).</param>
public sealed record AuthCenterUser(
    string? Id,
    string UserName,
    string? Name,
    string? Email,
    string? Mobile,
    TenantRole? Role,
    string? OrganizationName,
    string? OrganizationCode,
    string? UserId,
    string? ProjectName,
    string Tenant);
