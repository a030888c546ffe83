using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly.Retry;

namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>Registers the activation code open API clients.</summary>
public static class LicenseServiceCollectionExtensions
{
    private const string PipelineName = "koogallery-activation-codes";

    /// <summary>
    /// Binds <see cref="OpenApiOptions"/> from <c>KooGallery:OpenApi</c> (once, shared with the other open API clients) and
    /// registers typed <see cref="ActivationCodeClient"/> and <see cref="SoftwareUsageClient"/> whose requests pass, outermost
    /// first: retries of transient failures only (no answer, <c>92020001</c> at 200/500, HTTP 5xx, 408 or 429 without a known
    /// code) with a per-attempt timeout; the fallback host; one re-send on <c>APIGW.0303</c>; and AK/SK signing, so every attempt
    /// is signed afresh. The AK/SK are checked when a call is signed.
    /// </summary>
    public static IServiceCollection AddKooGalleryActivationCodes(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        OpenApiServiceCollectionExtensions.AddOpenApiOptions(services, configuration);
        Pipeline(services.AddHttpClient<ActivationCodeClient>(Base));
        Pipeline(services.AddHttpClient<SoftwareUsageClient>(Base));
        return services;
    }

    private static void Base(IServiceProvider services, HttpClient http) => http.BaseAddress = OpenApiServiceCollectionExtensions.Options(services).BaseUri;

    private static void Pipeline(IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler(PipelineName, (pipeline, context) =>
            OpenApiServiceCollectionExtensions.AddRetriesAndTimeout(pipeline, OpenApiServiceCollectionExtensions.Options(context.ServiceProvider), ShouldRetry));
        builder.AddHttpMessageHandler(sp =>
        {
            var options = OpenApiServiceCollectionExtensions.Options(sp);
            return new FallbackHostHandler(options.BaseUri, options.FallbackBaseUri);
        });
        builder.AddHttpMessageHandler(() => new FreshDateHandler());
        builder.AddHttpMessageHandler(sp => new SigningHandler(OpenApiServiceCollectionExtensions.Options(sp), sp.GetService<TimeProvider>() ?? TimeProvider.System));
    }

    // An answer is retried only when the error table calls it transient, which needs its error_code: 92020001 at 200 is.
    private static async ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args)
    {
        if (args.Outcome.Result is not { } response)
        {
            return HttpClientResiliencePredicates.IsTransient(args.Outcome);
        }

        var body = await response.Content.ReadAsByteArrayAsync(args.Context.CancellationToken).ConfigureAwait(false);
        return LicenseAnswerReader.Answer((int)response.StatusCode, body).IsTransient;
    }
}
