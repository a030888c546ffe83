namespace Provisioning.Grains.Usage;

/// <summary>Where a metering record is on its way to the marketplace.</summary>
[GenerateSerializer, Alias("prov.MeteringRecordStatus")]
public enum MeteringRecordStatus
{
    /// <summary>Waiting to be pushed, or to be pushed again after a transient failure.</summary>
    Pending = 0,

    /// <summary>The marketplace accepted it.</summary>
    Pushed = 1,

    /// <summary>Refused for good, or outside the marketplace's window; parked until an operator re-drives it.</summary>
    DeadLettered = 2,

    /// <summary>
    /// Sent by the old usage push, which has no metering_sn, and no clear answer came (a timeout, a connection closed
    /// after sending, a 5xx): the marketplace may have taken it. Never sent again by itself; an operator checks the seller
    /// console's usage records and either re-sends it or marks it pushed.
    /// </summary>
    Held = 3,
}

/// <summary>
/// One usage record to push: <paramref name="Value"/> of the instance's metering item used in the hour starting at
/// <paramref name="HourStart"/>. The first record of an hour has <paramref name="Sequence"/> 0; usage that arrived after it
/// was staged goes out as correction records 1, 2, …. <paramref name="MeteringSn"/> is derived from
/// (instance, package, hour, sequence), so a re-send carries the same sn and no sn ever names two values.
/// </summary>
[GenerateSerializer, Immutable, Alias("prov.MeteringRecord")]
public sealed record MeteringRecord(
    [property: Id(0)] string MeteringSn,
    [property: Id(1)] string InstanceId,
    [property: Id(2)] string? Package,
    [property: Id(3)] DateTimeOffset HourStart,
    [property: Id(4)] int Sequence,
    [property: Id(5)] decimal Value,
    [property: Id(6)] string ProductId,
    [property: Id(7)] DateTimeOffset StagedAt,
    [property: Id(8)] MeteringRecordStatus Status,
    [property: Id(9)] int Attempts,
    [property: Id(10)] DateTimeOffset NextAttemptAt,
    [property: Id(11)] DateTimeOffset? PushedAt,
    [property: Id(12)] string? LastError)
{
    public DateTimeOffset HourEnd => HourStart.AddHours(1);

    public bool IsCorrection => Sequence > 0;
}
