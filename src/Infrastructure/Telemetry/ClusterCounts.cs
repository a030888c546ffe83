namespace Provisioning.Infrastructure.Telemetry;

/// <summary>Cluster-wide counts: instances by traffic (<c>live</c>, <c>test</c>) and status, and events not yet delivered.</summary>
internal sealed record ClusterCounts(IReadOnlyDictionary<(string Traffic, string Status), long> Instances, long PendingEvents, long DeadLetteredEvents);

/// <summary>Where <see cref="ClusterGauges"/> reads the counts: the database every silo shares.</summary>
internal interface IClusterCounts
{
    Task<ClusterCounts> ReadAsync(CancellationToken cancellationToken);
}
