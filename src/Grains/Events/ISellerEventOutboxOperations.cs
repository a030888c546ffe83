namespace Provisioning.Grains.Events;

/// <summary>Port: the operator's views of the outbox and the re-drive of its dead letters (pages in delivery order).</summary>
public interface ISellerEventOutboxOperations
{
    Task<IReadOnlyList<OutboxEntry>> PendingAsync(long afterSeq, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<OutboxEntry>> DeadLettersAsync(long afterSeq, int limit, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> events of <paramref name="stream"/>, newest first, delivered ones included until pruned.</summary>
    Task<IReadOnlyList<OutboxEntry>> StreamAsync(string stream, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the dead letter <paramref name="eventId"/> (or every dead letter, when null) pending again from
    /// <paramref name="now"/> with its attempts reset; answers how many.
    /// </summary>
    Task<int> RedriveAsync(string? eventId, DateTimeOffset now, CancellationToken cancellationToken);
}
