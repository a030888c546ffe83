namespace Provisioning.Grains.Usage;

/// <summary>How usage is accepted, closed and pushed (configuration section <c>Usage</c>).</summary>
public sealed class UsageOptions
{
    public const string SectionName = "Usage";

    /// <summary>
    /// The oldest usage accepted, measured from the start of its hour: the marketplace refuses records that begin more than
    /// 21 days back (MKT.9004), and an hour needs time to close and be pushed, so one hour less by default.
    /// </summary>
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromDays(21) - TimeSpan.FromHours(1);

    /// <summary>How far in the future an event may claim to have occurred (clock skew of the seller's servers).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after an hour ends its usage is staged for the marketplace; later events become correction records.</summary>
    public TimeSpan CloseDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often an active meter looks for closed hours.</summary>
    public TimeSpan StagePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often staged records are pushed when nothing wakes the pusher earlier.</summary>
    public TimeSpan PushPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait before the first retry of a record after a transient failure; it doubles with every further failure.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between retries of a record.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>When the next attempt at a record that has failed <paramref name="attempts"/> times before is due.</summary>
    public DateTimeOffset NextAttempt(DateTimeOffset now, int attempts)
    {
        var delay = RetryDelay * Math.Pow(2, Math.Min(attempts, 20));
        return now + (delay < MaxRetryDelay ? delay : MaxRetryDelay);
    }
}
