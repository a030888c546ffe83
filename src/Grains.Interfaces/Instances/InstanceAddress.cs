namespace Provisioning.Grains.Instances;

/// <summary>
/// Where an instance lives: its marketplace id plus its traffic namespace. The grain key carries both,
/// so a test request can never reach a real instance, whatever id it names.
/// </summary>
public readonly record struct InstanceAddress(string InstanceId, Traffic Traffic)
{
    /// <summary>The key of the instance's grain and of its usage meter: <c>live/{instanceId}</c> or <c>test/{instanceId}</c>.</summary>
    public string GrainKey => TrafficKey.Of(Traffic, InstanceId);

    /// <summary>Reads a grain key written by <see cref="GrainKey"/>.</summary>
    public static InstanceAddress FromGrainKey(string key)
    {
        var (traffic, instanceId) = TrafficKey.Read(key);
        return new(instanceId, traffic);
    }
}
