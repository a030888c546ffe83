using System.ComponentModel.DataAnnotations;

namespace Provisioning.Grains.Instances;

/// <summary>How background provisioning is driven (configuration section <c>Provisioning</c>).</summary>
public sealed class ProvisioningOptions
{
    public const string SectionName = "Provisioning";

    /// <summary>How often an instance that is still provisioning is re-driven by its durable reminder (at least 1 minute in production).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Provisioning:RetryPeriod must be between 1 second and 1 day")]
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an active instance checks whether its background fetch has finished.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "Provisioning:PollPeriod must be between 10 ms and 1 minute")]
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromMilliseconds(200);
}
