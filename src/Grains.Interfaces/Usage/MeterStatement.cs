namespace Provisioning.Grains.Usage;

/// <summary>
/// An operator's view of one instance's meter: recorded usage per hour, every record staged for the marketplace with its
/// status, and the oldest hour whose usage the marketplace has not yet accepted (the metering lag), if any.
/// </summary>
[GenerateSerializer, Immutable, Alias("prov.MeterStatement")]
public sealed record MeterStatement(
    [property: Id(0)] string InstanceId,
    [property: Id(1)] IReadOnlyList<HourUsage> Hours,
    [property: Id(2)] IReadOnlyList<MeteringRecord> Records,
    [property: Id(3)] DateTimeOffset? OldestUnpushedHour);
