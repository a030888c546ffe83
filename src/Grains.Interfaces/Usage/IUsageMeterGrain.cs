using Orleans.Concurrency;

namespace Provisioning.Grains.Usage;

/// <summary>
/// The meter of one live pay-per-use instance, keyed like the instance (<c>InstanceAddress.GrainKey</c>). It validates
/// and records usage events, aggregates them per (package, hour), and stages closed hours for the marketplace.
/// </summary>
[Alias("prov.IUsageMeterGrain")]
public interface IUsageMeterGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the events that are valid; answers one result per event, in order, once the accepted ones are durable.
    /// Reports for one instance interleave while they wait for the ledger, so a busy instance's reports share commits
    /// instead of queueing behind each other; counting is additive, so their order does not matter.
    /// </summary>
    [Alias("Record"), AlwaysInterleave] Task<IReadOnlyList<UsageEventResult>> Record(IReadOnlyList<UsageEvent> events);

    /// <summary>Usage recorded so far per package (one entry without a package for plain pay-per-use); null if the instance is not metered.</summary>
    [Alias("GetTotals")] Task<IReadOnlyList<UsageTotal>?> GetTotals();

    [Alias("GetStatement")] Task<MeterStatement> GetStatement();

    /// <summary>Stages every closed hour now; the push grain calls it for a meter whose closed usage the ledger finds unstaged.</summary>
    [Alias("Stage")] Task Stage();

    /// <summary>The instance tells its meter of every change before it answers the marketplace, so a freeze stops usage at once.</summary>
    [Alias("UpdateTerms"), AlwaysInterleave] Task UpdateTerms(UsageTerms terms);
}
