namespace Provisioning.Grains.Events;

/// <summary>
/// One event of the outbox as an operator sees it: where its delivery stands, never its data.
/// </summary>
/// <param name="Seq">Its place in the delivery order, and the cursor of the operator's pages.</param>
/// <param name="Attempts">Deliveries tried so far.</param>
/// <param name="NextAttemptAt">When the next delivery may start (while pending).</param>
/// <param name="LastError">Why the last delivery failed, short (status code, timeout or connection failure).</param>
/// <param name="DeadAt">When it was dead-lettered, or null while pending.</param>
/// <param name="DeliveredAt">When the seller's application took it, or null while it has not.</param>
[GenerateSerializer, Immutable, Alias("prov.OutboxEntry")]
public sealed record OutboxEntry(
    [property: Id(0)] long Seq,
    [property: Id(1)] string EventId,
    [property: Id(2)] string Stream,
    [property: Id(3)] string Type,
    [property: Id(4)] int Attempts,
    [property: Id(5)] DateTimeOffset NextAttemptAt,
    [property: Id(6)] string? LastError,
    [property: Id(7)] DateTimeOffset EnqueuedAt,
    [property: Id(8)] DateTimeOffset? DeadAt,
    [property: Id(9)] DateTimeOffset? DeliveredAt = null);
