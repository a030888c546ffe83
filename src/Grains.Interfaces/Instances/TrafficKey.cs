namespace Provisioning.Grains.Instances;

/// <summary>
/// The one spelling of a traffic namespace in a key: <c>live/{id}</c> or <c>test/{id}</c>. Grain keys and directory rows carry it,
/// so test traffic can never reach real data, whatever id it names.
/// </summary>
public static class TrafficKey
{
    private const string LivePrefix = "live/";
    private const string TestPrefix = "test/";

    public static string Of(Traffic traffic, string id) => (traffic == Traffic.Test ? TestPrefix : LivePrefix) + id;

    /// <summary>Reads a key written by <see cref="Of"/>.</summary>
    public static (Traffic Traffic, string Id) Read(string key) =>
        key.StartsWith(TestPrefix, StringComparison.Ordinal) ? (Traffic.Test, key[TestPrefix.Length..])
        : key.StartsWith(LivePrefix, StringComparison.Ordinal) ? (Traffic.Live, key[LivePrefix.Length..])
        : throw new ArgumentException($"'{key}' does not start with a traffic namespace.", nameof(key));
}
