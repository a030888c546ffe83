namespace Provisioning.Grains.Events;

/// <summary>
/// Port: the outbox as its deliverer sees it. A stream's head is its lowest event neither delivered nor dead; only a head
/// that is due and not leased can be taken, so the events of a stream go out one at a time, in order, on one silo at once.
/// Times come from the caller's clock.
/// </summary>
public interface ISellerEventDelivery
{
    /// <summary>
    /// Leases up to <paramref name="limit"/> heads of distinct streams due at <paramref name="now"/> (next attempt reached,
    /// no lease or an expired one) until <paramref name="leaseUntil"/>, longest waiting first.
    /// </summary>
    Task<IReadOnlyList<DueEvent>> LeaseDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken);

    /// <summary>The application took the event: its stream moves on.</summary>
    Task DeliveredAsync(DueEvent leased, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The delivery failed: one more attempt, tried again from <paramref name="nextAttemptAt"/>.</summary>
    Task FailedAsync(DueEvent leased, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>The delivery failed and the event is too old to retry: parked for an operator, and its stream moves on.</summary>
    Task DeadAsync(DueEvent leased, string error, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// The delivery was cut off because this silo is stopping: the lease ends now, so any silo may take the event again at
    /// once instead of after the lease; no attempt is counted.
    /// </summary>
    Task ReleaseAsync(DueEvent leased, CancellationToken cancellationToken);

    /// <summary>Forgets events delivered before <paramref name="deliveredBefore"/>; answers how many.</summary>
    Task<int> PruneAsync(DateTimeOffset deliveredBefore, CancellationToken cancellationToken);
}
