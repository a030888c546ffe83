namespace Provisioning.Grains.CallHistory;

/// <summary>A call-history entry as recorded, with its place in the history.</summary>
[GenerateSerializer, Immutable, Alias("prov.RecordedCall")]
public sealed record RecordedCall(
    [property: Id(0)] CallHistoryPosition Position,
    [property: Id(1)] CallHistoryEntry Entry);

/// <summary>
/// Where an entry stands in an instance's history, newest first: by arrival time, then by the order it was recorded
/// (<paramref name="Sequence"/>, unique), so a page that ends here continues with exactly the entries after it.
/// </summary>
[GenerateSerializer, Immutable, Alias("prov.CallHistoryPosition")]
public sealed record CallHistoryPosition(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] long Sequence);
