using System.ComponentModel.DataAnnotations;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>How the instance query model is kept converged with the grain states (configuration section <c>InstanceViews</c>).</summary>
public sealed class InstanceViewOptions
{
    public const string SectionName = "InstanceViews";

    /// <summary>
    /// How often each silo looks for instances whose stored state is newer than their query-model row (a silo stopped between the
    /// two writes) and has them written again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "InstanceViews:RepairPeriod must be between 1 second and 1 day")]
    public TimeSpan RepairPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
