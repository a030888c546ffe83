namespace Provisioning.Grains.Instances;

/// <summary>Who bought the instance. Mobile phone and email arrive only when the product asks for them.</summary>
[GenerateSerializer, Immutable, Alias("prov.Buyer")]
public sealed record Buyer(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string? CustomerName,
    [property: Id(2)] string? UserId,
    [property: Id(3)] string? UserName,
    [property: Id(4)] string? MobilePhone,
    [property: Id(5)] string? Email);
