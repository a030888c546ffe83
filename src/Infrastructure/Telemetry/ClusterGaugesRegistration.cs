using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Provisioning.Infrastructure.Telemetry;

internal static class ClusterGaugesRegistration
{
    /// <summary>The <see cref="ClusterGauges"/> of a silo whose cluster shares a database, read through <typeparamref name="TCounts"/>.</summary>
    internal static IServiceCollection AddClusterGauges<TCounts>(this IServiceCollection services) where TCounts : class, IClusterCounts
    {
        services.AddSingleton<IClusterCounts, TCounts>();
        services.AddSingleton<ClusterGauges>();
        services.ConfigureOpenTelemetryMeterProvider(m => m.AddInstrumentation(sp => sp.GetRequiredService<ClusterGauges>()));
        return services;
    }
}
