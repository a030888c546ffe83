using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Provisioning.Grains.Events;

namespace Provisioning.Infrastructure.SellerApplication;

/// <summary>
/// The events for the seller's application on a silo: the options (validated at start), which changes become events, the
/// in-memory outbox unless a database replaced it, and the dispatcher that delivers them.
/// </summary>
internal static class SellerEventsRegistration
{
    public static IServiceCollection AddSellerEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SellerApplicationOptions>()
            .Bind(configuration.GetSection(SellerApplicationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(sp =>
        {
            var application = sp.GetRequiredService<IOptions<SellerApplicationOptions>>().Value;
            return new SellerEventPolicy(application.EventsUrl is not null, application.IncludeTestTraffic);
        });
        services.TryAddSingleton<SellerEventNudge>();
        services.TryAddSingleton<InMemorySellerEventOutbox>();
        services.TryAddSingleton<ISellerEventOutbox>(sp => sp.GetRequiredService<InMemorySellerEventOutbox>());
        services.TryAddSingleton<ISellerEventDelivery>(sp => sp.GetRequiredService<InMemorySellerEventOutbox>());
        services.TryAddSingleton<ISellerEventOutboxOperations>(sp => sp.GetRequiredService<InMemorySellerEventOutbox>());
        services.TryAddSingleton<SellerEventMetrics>();
        services.AddHttpClient(SellerEventDispatcher.HttpClientName, (sp, http) =>
            http.Timeout = sp.GetRequiredService<IOptions<SellerApplicationOptions>>().Value.RequestTimeout);
        services.AddHostedService<SellerEventDispatcher>();
        return services;
    }
}
