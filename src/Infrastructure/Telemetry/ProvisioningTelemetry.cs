using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Provisioning.Infrastructure.Hosting;

namespace Provisioning.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry for both hosts: Orleans' grain-call, storage and lifecycle spans and its meter, outgoing HTTP and PostgreSQL
/// commands, plus the host's own sources. Metrics are always collected and served at <c>/metrics</c> for Prometheus unless
/// <c>Telemetry:Prometheus</c> is false; spans and the OTLP export are on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class ProvisioningTelemetry
{
    /// <summary>The name our own activity sources and meters start with.</summary>
    public const string Prefix = "Provisioning";

    public static IOpenTelemetryBuilder AddProvisioningTelemetry(
        this IServiceCollection services, IConfiguration configuration, string serviceName,
        Action<TracerProviderBuilder>? tracing = null, Action<MeterProviderBuilder>? metrics = null)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithMetrics(m =>
            {
                m.AddMeter("Microsoft.Orleans", $"{Prefix}.*");
                if (MetricsEndpoint.IsOn(configuration)) m.AddPrometheusExporter();
                metrics?.Invoke(m);
            });

        // A span is made for every grain call and storage operation, so spans are collected only when something exports them.
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing(t =>
            {
                t.AddSource("Microsoft.Orleans.Application", "Microsoft.Orleans.Storage", "Microsoft.Orleans.Lifecycle", $"{Prefix}.*")
                    .AddHttpClientInstrumentation()
                    .AddNpgsql();
                tracing?.Invoke(t);
            });
            telemetry.UseOtlpExporter();
        }

        return telemetry;
    }
}
