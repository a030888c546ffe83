namespace Provisioning.Grains.Instances;

/// <summary>What an instance looks like now. Buyer and plan are null while it is still being provisioned.</summary>
[GenerateSerializer, Immutable, Alias("prov.InstanceSnapshot")]
public sealed record InstanceSnapshot(
    [property: Id(0)] string InstanceId,
    [property: Id(1)] Traffic Traffic,
    [property: Id(2)] InstanceStatus Status,
    [property: Id(3)] string OrderId,
    [property: Id(4)] Buyer? Buyer,
    [property: Id(5)] Plan? Plan,
    [property: Id(6)] bool Trial,
    [property: Id(7)] DateTimeOffset? ExpiresAt,
    [property: Id(8)] InstanceAccess? Access,
    [property: Id(9)] DateTimeOffset OpenedAt);
