namespace Provisioning.Grains.Usage;

/// <summary>
/// One usage event the seller's application reports: <paramref name="Quantity"/> of an instance's metering item used at
/// <paramref name="OccurredAt"/>, deducted from <paramref name="Package"/> when the instance is an on-demand package.
/// <paramref name="EventId"/> is the seller's idempotency key: an event sent again with it is acknowledged, not counted.
/// </summary>
[GenerateSerializer, Immutable, Alias("prov.UsageEvent")]
public sealed record UsageEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] decimal Quantity,
    [property: Id(2)] DateTimeOffset OccurredAt,
    [property: Id(3)] string? Package);
