using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Provisioning.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry for both hosts: Orleans' grain-call, storage and lifecycle spans and its meter, plus the
/// host's own sources. Metrics are always collected (in-process listeners such as dotnet-counters read them); spans
/// and the OTLP export are on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class ProvisioningTelemetry
{
    /// <summary>The name our own activity sources and meters start with.</summary>
    public const string Prefix = "Provisioning";

    public static IOpenTelemetryBuilder AddProvisioningTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName,
        Action<TracerProviderBuilder>? tracing = null, Action<MeterProviderBuilder>? metrics = null)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithMetrics(m =>
            {
                m.AddMeter("Microsoft.Orleans", $"{Prefix}.*");
                metrics?.Invoke(m);
            });

        // A span is made for every grain call and storage operation, so spans are collected only when something exports them.
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing(t =>
            {
                t.AddSource("Microsoft.Orleans.Application", "Microsoft.Orleans.Storage", "Microsoft.Orleans.Lifecycle", $"{Prefix}.*");
                tracing?.Invoke(t);
            });
            telemetry.UseOtlpExporter();
        }

        return telemetry;
    }
}
