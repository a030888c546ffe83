namespace Provisioning.Grains.Instances;

/// <summary>
/// A page of the instance list: instances of one traffic namespace that match every filter given, ordered by instance id
/// (ordinal), starting after <see cref="After"/>.
/// </summary>
/// <param name="ExpiresBefore">Only instances whose expiry is set and earlier than this.</param>
/// <param name="After">The last instance id of the previous page; null for the first page.</param>
[GenerateSerializer, Immutable, Alias("prov.InstanceQuery")]
public sealed record InstanceQuery(
    [property: Id(0)] Traffic Traffic,
    [property: Id(1)] InstanceStatus? Status,
    [property: Id(2)] string? ProductId,
    [property: Id(3)] string? CustomerId,
    [property: Id(4)] DateTimeOffset? ExpiresBefore,
    [property: Id(5)] string? After,
    [property: Id(6)] int Limit);

/// <summary>One page of the instance list; <see cref="NextAfter"/> is null on the last page.</summary>
[GenerateSerializer, Immutable, Alias("prov.InstancePage")]
public sealed record InstancePage(
    [property: Id(0)] IReadOnlyList<InstanceView> Instances,
    [property: Id(1)] string? NextAfter);

/// <summary>How many instances of one traffic namespace, status and product the instance list holds.</summary>
[GenerateSerializer, Immutable, Alias("prov.InstanceCount")]
public sealed record InstanceCount(
    [property: Id(0)] Traffic Traffic,
    [property: Id(1)] InstanceStatus Status,
    [property: Id(2)] string? ProductId,
    [property: Id(3)] long Count);
