namespace Provisioning.Grains.Usage;

/// <summary>
/// What is still on its way to the marketplace across all instances: pending records, dead letters, records the old
/// usage push holds for an operator because the marketplace may have taken them, and closed hours whose recorded usage is
/// not yet staged as records (their meter has not run since they closed, e.g. because its silo died).
/// <see cref="OldestUnpushedHour"/> covers all four. Pushed records are not counted here, since they only grow (the
/// <c>usage.records.pushed</c> counter and each instance's statement show them).
/// </summary>
[GenerateSerializer, Immutable, Alias("prov.OutboxSummary")]
public sealed record OutboxSummary(
    [property: Id(0)] long Pending,
    [property: Id(1)] long DeadLettered,
    [property: Id(2)] DateTimeOffset? OldestUnpushedHour,
    [property: Id(3)] long Held,
    [property: Id(4)] long UnstagedHours);
