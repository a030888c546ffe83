using System.ComponentModel.DataAnnotations;

namespace Provisioning.Grains.Usage;

/// <summary>How usage is accepted, closed and pushed (configuration section <c>Usage</c>).</summary>
public sealed class UsageOptions : IValidatableObject
{
    public const string SectionName = "Usage";

    /// <summary>
    /// The oldest usage accepted, measured from the start of its hour: the marketplace refuses records that begin more than
    /// 21 days back (MKT.9004), and an hour needs time to close and be pushed, so one hour less by default.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "21.00:00:00", ErrorMessage = "Usage:MaxEventAge must be between 1 minute and 21 days (the marketplace refuses older records)")]
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromDays(21) - TimeSpan.FromHours(1);

    /// <summary>How far in the future an event may claim to have occurred (clock skew of the seller's servers).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Usage:MaxClockSkew must be between 0 and 1 hour")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after an hour ends its usage is staged for the marketplace; later events become correction records.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Usage:CloseDelay must be between 0 and 1 day")]
    public TimeSpan CloseDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often an active meter looks for closed hours.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Usage:StagePeriod must be between 10 ms and 1 hour")]
    public TimeSpan StagePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often staged records are pushed when nothing wakes the pusher earlier.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Usage:PushPeriod must be between 10 ms and 1 hour")]
    public TimeSpan PushPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The wait before the first retry of a record after a transient failure; it doubles with every further failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "Usage:RetryDelay must be between 10 ms and 1 day")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between retries of a record.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "Usage:MaxRetryDelay must be between 10 ms and 1 day")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        if (MaxRetryDelay < RetryDelay)
        {
            yield return new ValidationResult(
                $"Usage:MaxRetryDelay ({MaxRetryDelay}) must not be shorter than Usage:RetryDelay ({RetryDelay})", [nameof(MaxRetryDelay), nameof(RetryDelay)]);
        }
    }

    /// <summary>When the next attempt at a record that has failed <paramref name="attempts"/> times before is due.</summary>
    public DateTimeOffset NextAttempt(DateTimeOffset now, int attempts)
    {
        var delay = RetryDelay * Math.Pow(2, Math.Min(attempts, 20));
        return now + (delay < MaxRetryDelay ? delay : MaxRetryDelay);
    }
}
