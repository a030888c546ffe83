using System.Collections.Immutable;
using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Orders;

/// <summary>What the marketplace says one line of an order bought, in our own words (fetched for V2 calls).</summary>
[GenerateSerializer, Immutable, Alias("prov.OrderLine")]
public sealed record OrderLine(
    [property: Id(0)] string OrderId,
    [property: Id(1)] string OrderLineId,
    [property: Id(2)] Buyer Buyer,
    [property: Id(3)] Plan Plan,
    [property: Id(4)] bool Trial,
    [property: Id(5)] DateTimeOffset? ExpiresAt,
    [property: Id(6)] decimal? Amount,
    [property: Id(7)] ImmutableDictionary<string, string> ExtendParams);
