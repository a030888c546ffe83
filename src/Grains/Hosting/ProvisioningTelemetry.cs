using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Provisioning.Grains.Hosting;

/// <summary>
/// OpenTelemetry for both hosts: Orleans' grain-call, storage and lifecycle spans and its meter, plus the
/// host's own sources. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; otherwise collected for
/// in-process listeners only.
/// </summary>
public static class ProvisioningTelemetry
{
    /// <summary>The name our own activity sources and meters start with.</summary>
    public const string Prefix = "Provisioning";

    public static OpenTelemetryBuilder AddProvisioningTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithTracing(t => t.AddSource("Microsoft.Orleans.Application", "Microsoft.Orleans.Storage", "Microsoft.Orleans.Lifecycle", $"{Prefix}.*"))
            .WithMetrics(m => m.AddMeter("Microsoft.Orleans", $"{Prefix}.*"));

        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        return telemetry;
    }
}
