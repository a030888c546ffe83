namespace Provisioning.Grains.Usage;

/// <summary>The state of every instance's records on their way to the marketplace.</summary>
[GenerateSerializer, Immutable, Alias("prov.OutboxSummary")]
public sealed record OutboxSummary(
    [property: Id(0)] long Pending,
    [property: Id(1)] long Pushed,
    [property: Id(2)] long DeadLettered,
    [property: Id(3)] DateTimeOffset? OldestUnpushedHour);
