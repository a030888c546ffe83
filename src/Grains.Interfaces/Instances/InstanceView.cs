namespace Provisioning.Grains.Instances;

/// <summary>
/// One instance as the query model holds it (deploy/sql/0009): what listing answers without activating its grain. Written after
/// every durable change of the instance, <see cref="Version"/> counting those changes, so an older write never overwrites a newer one.
/// </summary>
/// <param name="OpeningOrderId">The order that opened (or, while provisioning, is opening) the instance.</param>
/// <param name="LastOrderId">The order of the last transition that named one (a renewal, an upgrade, a freeze, …).</param>
[GenerateSerializer, Immutable, Alias("prov.InstanceView")]
public sealed record InstanceView(
    [property: Id(0)] string InstanceId,
    [property: Id(1)] Traffic Traffic,
    [property: Id(2)] InstanceStatus Status,
    [property: Id(3)] string? ProductId,
    [property: Id(4)] string? SkuCode,
    [property: Id(5)] ChargingMode? ChargingMode,
    [property: Id(6)] bool Trial,
    [property: Id(7)] string? CustomerId,
    [property: Id(8)] string OpeningOrderId,
    [property: Id(9)] string? LastOrderId,
    [property: Id(10)] DateTimeOffset? ExpiresAt,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] DateTimeOffset UpdatedAt,
    [property: Id(13)] long Version);
