using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Tenants;

/// <summary>Where a buyer enterprise lives: its marketplace tenant id plus its traffic namespace (debug data never mixes with real data).</summary>
public readonly record struct TenantAddress(string TenantId, Traffic Traffic)
{
    /// <summary>The grain key, and the key of the tenant's rows in the directory: <c>live/{tenantId}</c> or <c>test/{tenantId}</c>.</summary>
    public string Key => TrafficKey.Of(Traffic, TenantId);

    /// <summary>Reads a key written by <see cref="Key"/>.</summary>
    public static TenantAddress FromKey(string key)
    {
        var (traffic, tenantId) = TrafficKey.Read(key);
        return new(tenantId, traffic);
    }
}
