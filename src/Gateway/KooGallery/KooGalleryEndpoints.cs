using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Provisioning.Gateway.KooGallery.Kit;
using Provisioning.Gateway.KooGallery.LicenseCodes;
using Provisioning.Gateway.KooGallery.V1;
using Provisioning.Gateway.KooGallery.V2;
using Provisioning.Gateway.Telemetry;
using Provisioning.Grains;
using Provisioning.Grains.CallHistory;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Kit;

namespace Provisioning.Gateway.KooGallery;

/// <summary>Registration of the marketplace-facing production interface.</summary>
public static class KooGalleryEndpoints
{
    internal const string V1 = "v1";
    internal const string V2 = "v2";

    public static WebApplicationBuilder AddKooGallery(this WebApplicationBuilder builder)
    {
        KooGalleryKeys.GenerateMissingForDevelopment(builder);
        builder.Services.AddOptions<KooGalleryOptions>()
            .Bind(builder.Configuration.GetSection(KooGalleryOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // One credential cipher per protocol: V1 encrypts with the seller Key, V2 with its access key (spec §3.1).
        builder.Services.AddKeyedSingleton(V1, (sp, _) => Cipher(sp, o => o.Key!));
        builder.Services.AddKeyedSingleton(V2, (sp, _) => Cipher(sp, o => o.AccessKey!));
        builder.Services.AddKeyedSingleton(V1, (sp, key) => new AppInfoEncoder(sp.GetRequiredKeyedService<FieldCipher>(key)));
        builder.Services.AddKeyedSingleton(V2, (sp, key) => new AppInfoEncoder(sp.GetRequiredKeyedService<FieldCipher>(key)));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CallbackMetrics>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IGrainFactory>().GetCallHistory());
        builder.Services.AddSingleton<CallHistoryRecorder>();
        builder.Services.AddSingleton<CallbackRunner>();
        builder.Services.AddSingleton<InstanceQuery>();
        builder.Services.AddSingleton<V1Authentication>();
        builder.Services.AddSingleton<V1Translation>();
        builder.Services.AddSingleton<LicenseCallbacks>();
        builder.Services.AddSingleton<V1Callbacks>();
        builder.Services.AddSingleton<SignedCallWindow>();
        builder.Services.AddSingleton<V2Authentication>();
        builder.Services.AddSingleton<V2Translation>();
        builder.Services.AddSingleton<V2Keys>();
        builder.Services.AddSingleton<LicenseCodeCallbacks>();
        builder.Services.AddSingleton<V2Callbacks>();
        builder.Services.AddSingleton<KitAuthentication>();
        builder.Services.AddSingleton<KitCallbacks>();
        if (builder.Configuration["KooGallery:KitPrivateKey"] is { Length: > 0 } pem)
        {
            builder.Services.AddSingleton(new ClientSecretDecryptor(pem));
        }
        return builder;
    }

    private static FieldCipher Cipher(IServiceProvider services, Func<KooGalleryOptions, string> key)
    {
        var options = services.GetRequiredService<IOptions<KooGalleryOptions>>().Value;
        EncryptTypes.TryParse(options.EncryptType, out var type);
        return new FieldCipher(key(options), type);
    }

    /// <summary>
    /// Maps <c>GET {BasePath}</c> (V1) and <c>POST {BasePath}</c> (V2) — one registered address, the method decides — and the Kit
    /// syncs under <c>{BasePath}/produceAPI/</c> (V1) and <c>{BasePath}/produceAPI/v2/</c> (V2).
    /// </summary>
    public static IEndpointRouteBuilder MapKooGalleryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<KooGalleryOptions>>().Value;
        endpoints.MapGet(options.BasePath, V1Endpoint.HandleAsync).WithName("KooGalleryV1");
        endpoints.MapPost(options.BasePath, V2Endpoint.HandleAsync).WithName("KooGalleryV2");
        var kit = options.BasePath.TrimEnd('/') + "/produceAPI";
        endpoints.MapPost(kit + "/{sync}", KitEndpoint.HandleV1Async).WithName("KooGalleryKitV1");
        endpoints.MapPost(kit + "/v2/{sync}", KitEndpoint.HandleV2Async).WithName("KooGalleryKitV2");
        return endpoints;
    }
}
