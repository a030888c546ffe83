namespace Provisioning.Gateway.Login;

/// <summary>Who logged in, as admitted by the gateway: what the token handed to the seller's application says.</summary>
/// <param name="TenantId">The tenant (tenantSync <c>tenantId</c>).</param>
/// <param name="Test">True for a tenant synced by test traffic.</param>
/// <param name="AppId">The application credential the user was authorized for.</param>
/// <param name="UserName">The login name (authSync <c>userName</c>).</param>
/// <param name="Name">The display name, from authSync.</param>
/// <param name="Role"><c>admin</c> or <c>user</c>, from authSync.</param>
/// <param name="OrgCode">The user's organization code, from authSync.</param>
/// <param name="InstanceId">The tenant's instance; null for a tenant bound by the seller's own credential application.</param>
/// <param name="InstanceStatus">The instance's status (<c>active</c>); null with <paramref name="InstanceId"/>.</param>
/// <param name="Method"><c>oauth2</c> or <c>cas</c>.</param>
/// <param name="SessionId">The login session, the same across refreshes.</param>
public sealed record LoginIdentity(
    string TenantId,
    bool Test,
    string AppId,
    string UserName,
    string? Name,
    string Role,
    string? OrgCode,
    string? InstanceId,
    string? InstanceStatus,
    string Method,
    string SessionId);
