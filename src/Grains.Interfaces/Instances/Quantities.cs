namespace Provisioning.Grains.Instances;

/// <summary>The linear attributes an order may buy: a quantity, disk size (GB) and bandwidth (Mbps).</summary>
[GenerateSerializer, Immutable, Alias("prov.Quantities")]
public sealed record Quantities(
    [property: Id(0)] int? Amount,
    [property: Id(1)] int? DiskSizeGb,
    [property: Id(2)] int? BandwidthMbps)
{
    public static Quantities None { get; } = new(null, null, null);
}
