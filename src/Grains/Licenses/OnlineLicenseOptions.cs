using System.ComponentModel.DataAnnotations;

namespace Provisioning.Grains.Licenses;

/// <summary>How online License applications are checked and their uploads retried (configuration section <c>OnlineLicenses</c>).</summary>
public sealed class OnlineLicenseOptions
{
    public const string SectionName = "OnlineLicenses";

    /// <summary>Whether an application without a device fingerprint is refused (<c>000903</c>); the client software of §C.2 always sends one.</summary>
    public bool RequireDeviceFingerprint { get; set; } = true;

    /// <summary>How often a License not yet issued or uploaded is tried again, by a durable reminder (at least 1 minute in production).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "OnlineLicenses:RetryPeriod must be between 1 second and 1 day")]
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How far a requested period may reach beyond the instance's own (the marketplace's clock and ours differ).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "OnlineLicenses:ClockTolerance must be between 0 and 1 day")]
    public TimeSpan ClockTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
