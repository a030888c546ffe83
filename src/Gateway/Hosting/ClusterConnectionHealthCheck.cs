using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Provisioning.Gateway.Hosting;

/// <summary>In client mode, ready while the cluster client is connected to at least one silo: without one, every grain call fails.</summary>
internal sealed class ClusterConnectionHealthCheck(ClusterConnections connections, IClusterClient client) : IHealthCheck
{
    private static readonly TimeSpan ReconnectTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (connections.Count > 0) return HealthCheckResult.Healthy($"connected to {connections.Count} silo(s)");

        // The client connects to a silo that came back only when it has something to send: a gateway kept out of traffic
        // while it is not ready would never get ready again. So ask the cluster something small, which connects.
        try
        {
            await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(ReconnectTimeout, cancellationToken);
            return HealthCheckResult.Healthy("reconnected");
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            return HealthCheckResult.Unhealthy($"not connected to any silo: {e.Message}");
        }
    }
}
