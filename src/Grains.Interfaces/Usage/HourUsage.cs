namespace Provisioning.Grains.Usage;

/// <summary>
/// The usage of one instance's metering item (or package) in one hour: what was recorded, and how much of it has been
/// staged as records for the marketplace. The difference is still to be pushed.
/// </summary>
[GenerateSerializer, Immutable, Alias("prov.HourUsage")]
public sealed record HourUsage(
    [property: Id(0)] string? Package,
    [property: Id(1)] DateTimeOffset HourStart,
    [property: Id(2)] decimal Quantity,
    [property: Id(3)] long Events,
    [property: Id(4)] decimal Staged,
    [property: Id(5)] int Records)
{
    public decimal Unstaged => Quantity - Staged;
}
