namespace Provisioning.Grains.Events;

/// <summary>
/// The head event of a stream, leased to one deliverer until its lease ends: only the holder of <see cref="Lease"/> records
/// how its delivery went.
/// </summary>
/// <param name="Attempts">Deliveries tried before this one.</param>
/// <param name="AttemptsSince">When the event was recorded, or last re-driven: the start of the age that dead-letters it.</param>
public sealed record DueEvent(
    long Seq,
    string EventId,
    string Stream,
    string Type,
    DateTimeOffset OccurredAt,
    string Data,
    int Attempts,
    DateTimeOffset AttemptsSince,
    Guid Lease);
