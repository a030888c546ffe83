using Provisioning.Grains.Instances;
using Provisioning.Grains.Tenants;

namespace Provisioning.Grains.Events;

/// <summary>The streams whose events are delivered in order: one per instance, one per tenant.</summary>
public static class SellerEventStreams
{
    public static string Of(InstanceAddress instance) => $"instance:{instance.GrainKey}";

    public static string Of(TenantAddress tenant) => $"tenant:{tenant.Key}";
}
