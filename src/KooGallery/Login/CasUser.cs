namespace Provisioning.KooGallery.Login;

/// <summary>
/// A user whose CAS 3.0 service ticket validated (kit §D.3). <see cref="UserName"/> is the <c>userName</c> attribute,
/// else <c>cas:user</c>; it and <see cref="Tenant"/> are always present.
/// </summary>
public sealed record CasUser(string User, string UserName, string? Name, TenantRole? Role, string? OrganizationCode, string Tenant);
