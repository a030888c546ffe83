using System.ComponentModel.DataAnnotations;

namespace Provisioning.Infrastructure.Telemetry;

/// <summary>Telemetry settings besides the standard <c>OTEL_*</c> ones (configuration section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>Whether <c>GET /metrics</c> serves every metric in Prometheus' text format.</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>
    /// How old the cluster-wide counts read from the database (instances by status, undelivered events) may grow before a
    /// silo reads them again; they are read only while something collects metrics.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Telemetry:CountsPeriod must be between 1 second and 1 hour")]
    public TimeSpan CountsPeriod { get; set; } = TimeSpan.FromSeconds(30);
}
