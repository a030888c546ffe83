namespace Provisioning.Grains.Events;

/// <summary>
/// Port: the durable outbox of events for the seller's application. Enqueuing is idempotent by event id (an id already
/// held is ignored), and events of one stream are delivered in the order they were first enqueued.
/// </summary>
public interface ISellerEventOutbox
{
    Task EnqueueAsync(IReadOnlyList<SellerEvent> events, CancellationToken cancellationToken);
}
