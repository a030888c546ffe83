namespace Provisioning.Grains.Usage;

/// <summary>All usage recorded for an instance's metering item or package, as of <paramref name="StatisticalTime"/> (queryInstance's usageInfo).</summary>
[GenerateSerializer, Immutable, Alias("prov.UsageTotal")]
public sealed record UsageTotal(
    [property: Id(0)] string? Package,
    [property: Id(1)] decimal Quantity,
    [property: Id(2)] DateTimeOffset StatisticalTime);
