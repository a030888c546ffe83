namespace Provisioning.Grains.Usage;

/// <summary>
/// Port: the durable record of usage. It holds every accepted event (for idempotency by event id), the hourly totals
/// per (instance, package, hour), and the outbox of records staged for the marketplace with their push status.
/// Instances are named by their live instance id; "no package" is null. Every call is all-or-nothing.
/// </summary>
public interface IUsageLedger
{
    /// <summary>
    /// Records the events of one instance and adds them to its hourly totals; answers, in order, true for each event recorded
    /// now and false for one whose id was recorded before (by any instance, or earlier in the same list).
    /// </summary>
    Task<IReadOnlyList<bool>> AppendAsync(string instanceId, IReadOnlyList<UsageEvent> events, CancellationToken cancellationToken);

    /// <summary>Every hourly total of the instance, with what has been staged of it, oldest first.</summary>
    Task<IReadOnlyList<HourUsage>> GetHoursAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Adds records to the outbox; a record whose sn is already there is left as it is.</summary>
    Task StageAsync(IReadOnlyList<MeteringRecord> records, CancellationToken cancellationToken);

    /// <summary>Every record of the instance, oldest hour first.</summary>
    Task<IReadOnlyList<MeteringRecord>> GetRecordsAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> pending records due at <paramref name="now"/>, oldest hour first.</summary>
    Task<IReadOnlyList<MeteringRecord>> GetDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    Task MarkPushedAsync(IReadOnlyList<string> meteringSns, DateTimeOffset pushedAt, CancellationToken cancellationToken);

    /// <summary>Counts one more failed attempt for each record and makes it due again at <paramref name="retryAt"/>.</summary>
    Task RetryLaterAsync(IReadOnlyList<string> meteringSns, DateTimeOffset retryAt, string error, CancellationToken cancellationToken);

    Task DeadLetterAsync(IReadOnlyList<string> meteringSns, string error, CancellationToken cancellationToken);

    Task<IReadOnlyList<MeteringRecord>> GetDeadLettersAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Counts one more attempt for each record and holds it, with the error, until an operator resolves it.</summary>
    Task HoldAsync(IReadOnlyList<string> meteringSns, string error, CancellationToken cancellationToken);

    Task<IReadOnlyList<MeteringRecord>> GetHeldAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Resolves the held records of one instance (or of all when null): marks them pushed at <paramref name="now"/> when
    /// <paramref name="delivered"/>, else makes them pending and due at <paramref name="now"/>; answers how many.
    /// </summary>
    Task<int> ResolveHeldAsync(string? instanceId, bool delivered, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Makes the dead letters of one instance (or of all when null) pending and due at <paramref name="now"/>; answers how many.</summary>
    Task<int> RedriveAsync(string? instanceId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The outbox's counts and oldest unpushed hour; an hour that ended by <paramref name="closedBy"/> and holds usage not
    /// yet staged counts as one unstaged hour (per instance and package).
    /// </summary>
    Task<OutboxSummary> GetSummaryAsync(DateTimeOffset closedBy, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> instances with an hour that ended by <paramref name="closedBy"/> and holds usage not yet staged, oldest hour first.</summary>
    Task<IReadOnlyList<string>> GetUnstagedAsync(DateTimeOffset closedBy, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets events that occurred before <paramref name="before"/> (hourly totals and records stay). Their ids can no longer
    /// be recognised as duplicates, so <paramref name="before"/> must lie beyond the oldest event still accepted.
    /// </summary>
    Task<long> PruneEventsAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
