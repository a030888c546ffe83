using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Provisioning.Infrastructure.Hosting;

/// <summary>Ready while this silo is an active member of its cluster: joining, leaving or declared dead, it serves no grains.</summary>
internal sealed class SiloMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"silo is {status}"));
    }
}
