using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Events;

/// <summary>
/// Which changes become events: none while the seller's application has no events URL (nothing would ever take them),
/// and test traffic's only when the seller asked for them.
/// </summary>
public sealed record SellerEventPolicy(bool Enabled, bool IncludeTestTraffic)
{
    public bool Records(Traffic traffic) => Enabled && (traffic == Traffic.Live || IncludeTestTraffic);
}
