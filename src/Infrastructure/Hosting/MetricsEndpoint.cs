using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Infrastructure.Telemetry;

namespace Provisioning.Infrastructure.Hosting;

/// <summary>
/// <c>GET /metrics</c>: every collected metric in Prometheus' text format, on the host's HTTP port, for operators who scrape
/// rather than run an OTLP collector. On unless <c>Telemetry:Prometheus</c> is false.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static bool IsOn(IConfiguration configuration) =>
        configuration.GetValue($"{TelemetryOptions.SectionName}:{nameof(TelemetryOptions.Prometheus)}", true);

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder endpoints)
    {
        if (IsOn(endpoints.ServiceProvider.GetRequiredService<IConfiguration>())) endpoints.MapPrometheusScrapingEndpoint(Path);
        return endpoints;
    }
}
