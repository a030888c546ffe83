namespace Provisioning.Grains.Instances;

/// <summary>
/// Where an instance lives: its marketplace id plus its traffic namespace. The grain key carries both,
/// so a test request can never reach a real instance, whatever id it names.
/// </summary>
public readonly record struct InstanceAddress(string InstanceId, Traffic Traffic)
{
    private const string LivePrefix = "live/";
    private const string TestPrefix = "test/";

    /// <summary>The grain key: <c>live/{instanceId}</c> or <c>test/{instanceId}</c>.</summary>
    public string GrainKey => (Traffic == Traffic.Test ? TestPrefix : LivePrefix) + InstanceId;

    /// <summary>Reads a grain key written by <see cref="GrainKey"/>.</summary>
    public static InstanceAddress FromGrainKey(string key) =>
        key.StartsWith(TestPrefix, StringComparison.Ordinal) ? new(key[TestPrefix.Length..], Traffic.Test)
        : key.StartsWith(LivePrefix, StringComparison.Ordinal) ? new(key[LivePrefix.Length..], Traffic.Live)
        : throw new ArgumentException($"'{key}' is not an instance grain key.", nameof(key));
}
