using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Provisioning.Grains.Instances;

namespace Provisioning.Infrastructure.Telemetry;

/// <summary>
/// Gauges of cluster-wide figures read from the database: instances by traffic and status, events for the seller's
/// application not yet delivered and dead letters. Every silo reports the same figures (aggregate them with max, not sum),
/// each read at most once per <see cref="TelemetryOptions.CountsPeriod"/> and only while metrics are collected.
/// </summary>
internal sealed partial class ClusterGauges : IDisposable
{
    // The hosts collect every meter named "Provisioning.*" (ProvisioningTelemetry).
    public const string MeterName = $"{ProvisioningTelemetry.Prefix}.Cluster";

    private static readonly string[] Traffics = ["live", "test"];
    private static readonly string[] Statuses = [.. Enum.GetValues<InstanceStatus>().Select(InstanceNames.Of)];

    private readonly Meter _meter;
    private readonly PeriodicReading<ClusterCounts> _counts;
    private readonly ILogger<ClusterGauges> _logger;

    public ClusterGauges(IClusterCounts counts, IMeterFactory meters, IOptions<TelemetryOptions> options, TimeProvider clock, ILogger<ClusterGauges> logger)
    {
        _logger = logger;
        _counts = new PeriodicReading<ClusterCounts>(counts.ReadAsync, options.Value.CountsPeriod, clock, LogReadFailed);
        _meter = meters.Create(MeterName);
        _meter.CreateObservableGauge("instances", ObserveInstances, "{instance}", "Instances by traffic and status, cluster-wide");
        _meter.CreateObservableGauge("seller_events.pending", () => Observe(c => c.PendingEvents), "{event}",
            "Events for the seller's application not yet delivered (nor dead-lettered), cluster-wide");
        _meter.CreateObservableGauge("seller_events.dead_lettered", () => Observe(c => c.DeadLetteredEvents), "{event}",
            "Events for the seller's application parked for an operator, cluster-wide");
    }

    public void Dispose()
    {
        _counts.Dispose();
        _meter.Dispose();
    }

    private IEnumerable<Measurement<long>> ObserveInstances() =>
        _counts.Last() is { } counts
            ? [.. from traffic in Traffics
                  from status in Statuses
                  select new Measurement<long>(counts.Instances.GetValueOrDefault((traffic, status)),
                      new KeyValuePair<string, object?>("traffic", traffic), new KeyValuePair<string, object?>("status", status))]
            : [];

    private IEnumerable<Measurement<long>> Observe(Func<ClusterCounts, long> value) =>
        _counts.Last() is { } counts ? [new Measurement<long>(value(counts))] : [];

    [LoggerMessage(LogLevel.Warning, "Reading the cluster-wide counts for the metrics failed; the next collection tries again")]
    private partial void LogReadFailed(Exception exception);
}
