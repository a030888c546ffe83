using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        OpenApiServiceCollectionExtensions.AddSignedClient<ActivationCodeClient>(services, PipelineName, ShouldRetry, () => new FreshDateHandler());
        OpenApiServiceCollectionExtensions.AddSignedClient<SoftwareUsageClient>(services, PipelineName, ShouldRetry, () => new FreshDateHandler());
        return services;
    }

    // An answer is retried only when the error table calls it transient, which needs its error_code: 92020001 at 200 is.
    private static readonly Func<RetryPredicateArguments<HttpResponseMessage>, ValueTask<bool>> ShouldRetry =
        OpenApiServiceCollectionExtensions.RetryWhenAnswerSays((status, body) => LicenseAnswerReader.Answer(status, body).IsTransient);
}
