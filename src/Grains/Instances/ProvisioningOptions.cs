namespace Provisioning.Grains.Instances;

/// <summary>How background provisioning is driven (configuration section <c>Provisioning</c>).</summary>
public sealed class ProvisioningOptions
{
    public const string SectionName = "Provisioning";

    /// <summary>How often an instance that is still provisioning is re-driven by its durable reminder (at least 1 minute in production).</summary>
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an active instance checks whether its background fetch has finished.</summary>
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromMilliseconds(200);
}
