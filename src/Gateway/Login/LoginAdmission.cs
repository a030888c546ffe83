using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Login;

namespace Provisioning.Gateway.Login;

/// <summary>
/// Who may log in: a user authSync authorized for the tenant's application (enabled, grant kept), of a tenant whose instance
/// is active. Checked at login and at every refresh; the role, name and organization are authSync's.
/// </summary>
public sealed class LoginAdmission(IGrainFactory grains)
{
    /// <exception cref="LoginRefusedException">The user or the instance may not log in.</exception>
    public async Task<LoginIdentity> AdmitAsync(LoginTenant tenant, string userName, LoginMethod method, string sessionId)
    {
        var synced = await grains.GetTenant(tenant.Address).GetUser(tenant.Application.AppId, userName);
        if (synced is null || !synced.Authorized)
        {
            throw new LoginRefusedException(LoginError.UserNotAuthorized,
                synced is null ? $"authSync never authorized this user for application {tenant.Application.AppId}."
                    : $"authSync withdrew this user's authorization for application {tenant.Application.AppId}.");
        }

        if (!synced.User.Enabled) throw new LoginRefusedException(LoginError.UserDisabled, "authSync disabled this user.");

        var instance = await InstanceAsync(tenant);
        var user = synced.User;
        return new LoginIdentity(tenant.TenantId, tenant.Test, tenant.Application.AppId, user.UserName, user.Name, user.Admin ? "admin" : "user",
            user.OrgCode.Length == 0 ? null : user.OrgCode, instance?.InstanceId, instance is null ? null : "active",
            method == LoginMethod.Cas ? "cas" : "oauth2", sessionId);
    }

    // The active instance that runs longest; none for a tenant bound only by the seller's credential application (kit E.2).
    private async Task<InstanceSnapshot?> InstanceAsync(LoginTenant tenant)
    {
        var snapshots = (await Task.WhenAll(tenant.Snapshot.InstanceIds.Select(id =>
            grains.GetInstance(new InstanceAddress(id, tenant.Address.Traffic)).Get()))).OfType<InstanceSnapshot>().ToArray();
        var active = snapshots.Where(s => s.Status == InstanceStatus.Active).OrderByDescending(s => s.ExpiresAt ?? DateTimeOffset.MaxValue).FirstOrDefault();
        if (active is not null) return active;
        if (snapshots.Length == 0 && tenant.Snapshot.BoundBySeller) return null;
        if (snapshots.Any(s => s.Status == InstanceStatus.Provisioning))
        {
            throw new LoginRefusedException(LoginError.InstanceProvisioning, "The tenant's instance is still being opened; try again in a moment.");
        }

        if (snapshots.Any(s => s.Status == InstanceStatus.Frozen))
        {
            throw new LoginRefusedException(LoginError.InstanceFrozen, "The tenant's instance is frozen (expired or suspended); it opens again once renewed.");
        }

        throw new LoginRefusedException(LoginError.InstanceReleased,
            snapshots.Length == 0 ? "The tenant has no instance." : "The tenant's instance is released.");
    }
}
