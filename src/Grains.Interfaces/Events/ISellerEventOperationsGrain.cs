namespace Provisioning.Grains.Events;

/// <summary>
/// The operator's reads and re-drives of the outbox of events for the seller's application, for a gateway that may have
/// no database of its own. A stateless worker on every silo, reached through <see cref="SellerEventOperations.Get"/>.
/// </summary>
[Alias("prov.ISellerEventOperationsGrain")]
public interface ISellerEventOperationsGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>Events not yet delivered nor dead, in delivery order, after the one with <paramref name="afterSeq"/>.</summary>
    [Alias("GetPending")] Task<IReadOnlyList<OutboxEntry>> GetPending(long afterSeq, int limit);

    /// <summary>Dead-lettered events, in delivery order, after the one with <paramref name="afterSeq"/>.</summary>
    [Alias("GetDeadLetters")] Task<IReadOnlyList<OutboxEntry>> GetDeadLetters(long afterSeq, int limit);

    /// <summary>The newest <paramref name="limit"/> events of one stream, delivered ones included until they are pruned.</summary>
    [Alias("GetStream")] Task<IReadOnlyList<OutboxEntry>> GetStream(string stream, int limit);

    /// <summary>Makes one dead-lettered event pending again, due now; false when no dead letter has that id.</summary>
    [Alias("Redrive")] Task<bool> Redrive(string eventId);

    /// <summary>Makes every dead-lettered event pending again, due now; answers how many.</summary>
    [Alias("RedriveAll")] Task<int> RedriveAll();
}
