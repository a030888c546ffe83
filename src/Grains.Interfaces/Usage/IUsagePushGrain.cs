using Orleans.Concurrency;

namespace Provisioning.Grains.Usage;

/// <summary>
/// Pushes staged usage records to the marketplace in batches across instances, retries transient failures with backoff
/// and parks permanent ones as dead letters; first it has the meters of closed hours still unstaged stage them. One per
/// cluster, keyed <see cref="Key"/>.
/// </summary>
[Alias("prov.IUsagePushGrain")]
public interface IUsagePushGrain : IGrainWithStringKey
{
    public const string Key = "live";

    /// <summary>Asks for a push round soon: records were staged.</summary>
    [Alias("Wake"), OneWay] Task Wake();

    /// <summary>Reads the ledger only, so it answers at once even while a push round waits for the marketplace or a meter.</summary>
    [Alias("GetSummary"), AlwaysInterleave] Task<OutboxSummary> GetSummary();

    [Alias("GetDeadLetters")] Task<IReadOnlyList<MeteringRecord>> GetDeadLetters(int limit);

    /// <summary>Makes dead-lettered records (of one instance, or all) pending again and pushes them; answers how many.</summary>
    [Alias("Redrive")] Task<int> Redrive(string? instanceId);

    [Alias("GetHeld")] Task<IReadOnlyList<MeteringRecord>> GetHeld(int limit);

    /// <summary>
    /// An operator's decision on held records (of one instance, or all) after checking the seller console: the marketplace
    /// has them (<paramref name="delivered"/>: marked pushed), or it has not (pending again and pushed now); answers how many.
    /// </summary>
    [Alias("ResolveHeld")] Task<int> ResolveHeld(string? instanceId, bool delivered);
}
