using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Provisioning.Infrastructure.Telemetry;

namespace Provisioning.Gateway.Telemetry;

/// <summary>The gateway's telemetry: the shared provisioning setup plus ASP.NET Core request spans and metrics.</summary>
internal static class GatewayTelemetry
{
    public static WebApplicationBuilder AddGatewayTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddProvisioningTelemetry(
            builder.Configuration, "provisioning-gateway", t => t.AddAspNetCoreInstrumentation(), m => m.AddAspNetCoreInstrumentation());
        return builder;
    }
}
