using Orleans.Concurrency;

namespace Provisioning.Grains.Events;

/// <summary>
/// The operator's reads and re-drives of the outbox, on whichever silo takes the call: each is one statement of the
/// outbox store, so any number of these may run at once.
/// </summary>
[StatelessWorker, GrainType("seller-event-operations")]
internal sealed class SellerEventOperationsGrain(ISellerEventOutboxOperations outbox, TimeProvider clock) : Grain, ISellerEventOperationsGrain
{
    public Task<IReadOnlyList<OutboxEntry>> GetPending(long afterSeq, int limit) => outbox.PendingAsync(afterSeq, limit, CancellationToken.None);

    public Task<IReadOnlyList<OutboxEntry>> GetDeadLetters(long afterSeq, int limit) => outbox.DeadLettersAsync(afterSeq, limit, CancellationToken.None);

    public Task<IReadOnlyList<OutboxEntry>> GetStream(string stream, int limit) => outbox.StreamAsync(stream, limit, CancellationToken.None);

    public async Task<bool> Redrive(string eventId) => await outbox.RedriveAsync(eventId, clock.GetUtcNow(), CancellationToken.None) > 0;

    public Task<int> RedriveAll() => outbox.RedriveAsync(null, clock.GetUtcNow(), CancellationToken.None);
}
