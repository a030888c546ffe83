using System.ComponentModel.DataAnnotations;

namespace Provisioning.Grains.CallHistory;

/// <summary>How long the marketplace call history is kept (configuration section <c>CallHistory</c>).</summary>
public sealed class CallHistoryOptions
{
    public const string SectionName = "CallHistory";

    /// <summary>Entries of calls older than this are pruned.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "CallHistory:Retention must be between 1 day and 3650 days")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often each silo prunes the history.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "CallHistory:PrunePeriod must be between 1 second and 1 day")]
    public TimeSpan PrunePeriod { get; set; } = TimeSpan.FromHours(1);
}
