using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>Registers the License upload client.</summary>
public static class LicenseUploadServiceCollectionExtensions
{
    private const string PipelineName = "koogallery-license-upload";

    /// <summary>
    /// Binds <see cref="OpenApiOptions"/> from <c>KooGallery:OpenApi</c> and registers a typed <see cref="LicenseUploadClient"/> whose
    /// requests pass, outermost first: retries of what the error table calls transient, with a per-attempt timeout; the fallback
    /// host; and AK/SK signing, so every attempt is signed afresh over the same bytes.
    /// </summary>
    public static IHttpClientBuilder AddKooGalleryLicenseUpload(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        OpenApiServiceCollectionExtensions.AddOpenApiOptions(services, configuration);
        services.TryAddSingleton(TimeProvider.System);

        var builder = services.AddHttpClient<LicenseUploadClient>((sp, http) => http.BaseAddress = OpenApiServiceCollectionExtensions.Options(sp).BaseUri);
        builder.AddResilienceHandler(PipelineName, (pipeline, context) =>
            OpenApiServiceCollectionExtensions.AddRetriesAndTimeout(pipeline, OpenApiServiceCollectionExtensions.Options(context.ServiceProvider), ShouldRetry));
        builder.AddHttpMessageHandler(sp =>
            new FallbackHostHandler(OpenApiServiceCollectionExtensions.Options(sp).BaseUri, OpenApiServiceCollectionExtensions.Options(sp).FallbackBaseUri));
        builder.AddHttpMessageHandler(sp => new SigningHandler(OpenApiServiceCollectionExtensions.Options(sp), sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    // A 500 may say CBC.0999 (retry) or a code re-sending cannot fix, and a 200 may say 91381036 (retry): the body decides.
    private static async ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args)
    {
        if (args.Outcome.Result is not { } response) return HttpClientResiliencePredicates.IsTransient(args.Outcome);
        var body = await response.Content.ReadAsByteArrayAsync(args.Context.CancellationToken).ConfigureAwait(false);
        return LicenseUploadAnswer.Read((int)response.StatusCode, body).IsTransient;
    }
}
