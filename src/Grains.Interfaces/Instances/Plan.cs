namespace Provisioning.Grains.Instances;

/// <summary>What was bought: product, specification, linear quantities and billing period.</summary>
[GenerateSerializer, Immutable, Alias("prov.Plan")]
public sealed record Plan(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string? SkuCode,
    [property: Id(2)] ChargingMode ChargingMode,
    [property: Id(3)] Quantities Quantities,
    [property: Id(4)] string? PeriodType,
    [property: Id(5)] int? PeriodNumber);
