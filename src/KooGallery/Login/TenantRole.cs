namespace Provisioning.KooGallery.Login;

/// <summary>A user's role in the tenant, as the auth center reports it (<c>user</c> or <c>admin</c>).</summary>
public enum TenantRole
{
    User,
    Admin,
}
