using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Provisioning.Infrastructure.Hosting;
using Provisioning.Infrastructure.Telemetry;

namespace Provisioning.Gateway.Telemetry;

/// <summary>The gateway's telemetry: the shared provisioning setup plus ASP.NET Core request spans and metrics.</summary>
internal static class GatewayTelemetry
{
    public static WebApplicationBuilder AddGatewayTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddProvisioningTelemetry(
            builder.Configuration, "provisioning-gateway",
            t => t.AddAspNetCoreInstrumentation(o => o.Filter = http => !IsOperations(http.Request.Path)),
            m => m.AddAspNetCoreInstrumentation());
        return builder;
    }

    // Probes and scrapes come every few seconds and are not what a trace is read for.
    private static bool IsOperations(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsEndpoint.Path);
}
