using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Licenses;

/// <summary>
/// Where a License of the retired License callbacks lives: the id the marketplace was given plus its traffic namespace, so a
/// test call can never reach a real License, whatever id it names.
/// </summary>
public readonly record struct LicenseAddress(string InstanceId, Traffic Traffic)
{
    /// <summary>The key of the License's grain: <c>live/{instanceId}</c> or <c>test/{instanceId}</c>.</summary>
    public string GrainKey => TrafficKey.Of(Traffic, InstanceId);

    /// <summary>Reads a grain key written by <see cref="GrainKey"/>.</summary>
    public static LicenseAddress FromGrainKey(string key)
    {
        var (traffic, instanceId) = TrafficKey.Read(key);
        return new(instanceId, traffic);
    }
}
