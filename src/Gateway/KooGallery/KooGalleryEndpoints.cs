using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Provisioning.Gateway.KooGallery.V1;
using Provisioning.Gateway.Telemetry;
using Provisioning.KooGallery;

namespace Provisioning.Gateway.KooGallery;

/// <summary>Registration of the marketplace-facing production interface.</summary>
public static class KooGalleryEndpoints
{
    public static WebApplicationBuilder AddKooGallery(this WebApplicationBuilder builder)
    {
        KooGalleryKeys.GenerateMissingForDevelopment(builder);
        builder.Services.AddOptions<KooGalleryOptions>()
            .Bind(builder.Configuration.GetSection(KooGalleryOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KooGalleryOptions>>().Value;
            EncryptTypes.TryParse(options.EncryptType, out var type);
            return new FieldCipher(options.Key!, type);
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CallbackMetrics>();
        builder.Services.AddSingleton<V1Translation>();
        builder.Services.AddSingleton<V1Callbacks>();
        return builder;
    }

    /// <summary>Maps <c>GET {BasePath}</c> (V1).</summary>
    public static IEndpointRouteBuilder MapKooGalleryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<KooGalleryOptions>>().Value;
        endpoints.MapGet(options.BasePath, V1Endpoint.HandleAsync).WithName("KooGalleryV1");
        return endpoints;
    }
}
