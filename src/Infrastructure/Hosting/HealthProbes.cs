using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Provisioning.Infrastructure.Hosting;

/// <summary>
/// The probes both hosts answer: <c>/health/live</c> (the process is up; no dependency is asked, so a dependency that is
/// away never gets the process restarted) and <c>/health/ready</c>, also at <c>/health</c> (the host can serve calls).
/// </summary>
public static class HealthProbes
{
    public const string Ready = "ready";

    public static IEndpointRouteBuilder MapHealthProbes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        return endpoints;
    }

    /// <summary>A silo is ready while it is an active member of the cluster and, with PostgreSQL configured, the database answers.</summary>
    public static IHealthChecksBuilder AddSiloReadiness(this IHealthChecksBuilder checks, IConfiguration configuration) =>
        checks.AddCheck<SiloMembershipHealthCheck>("membership", tags: [Ready]).AddDatabaseReadiness(configuration);

    /// <summary>With PostgreSQL configured, ready only while the database answers.</summary>
    public static IHealthChecksBuilder AddDatabaseReadiness(this IHealthChecksBuilder checks, IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration.GetConnectionString(ProvisioningSiloExtensions.ConnectionStringName))
            ? checks
            : checks.AddCheck<DatabaseHealthCheck>("database", tags: [Ready]);
}
