using Provisioning.Grains.Instances;
using Provisioning.Grains.Tenants;
using Provisioning.KooGallery.Login;

namespace Provisioning.Gateway.Login;

/// <summary>A tenant a login may go through: its profile, its auth center and the application credential logins use.</summary>
public sealed record LoginTenant(TenantAddress Address, TenantSnapshot Snapshot, AuthCenterAddress AuthCenter, TenantApplication Application)
{
    public string TenantId => Address.TenantId;

    public bool Test => Address.Traffic == Traffic.Test;
}
