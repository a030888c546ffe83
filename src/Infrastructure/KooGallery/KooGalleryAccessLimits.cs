using Provisioning.Grains.Instances;
using Provisioning.KooGallery.Responses;

namespace Provisioning.Infrastructure.KooGallery;

/// <summary>Adapter: the appInfo limits of KooGallery's answers (spec §1.1), the same ones the gateway encodes against.</summary>
internal sealed class KooGalleryAccessLimits : IAccessLimits
{
    public string? Violations(InstanceAccess access) =>
        AppInfoLimits.Violations(access.FrontEndUrl, access.AdminUrl, access.UserName, access.Password, access.Memo);
}
