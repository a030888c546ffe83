using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        return OpenApiServiceCollectionExtensions.AddSignedClient<LicenseUploadClient>(services, PipelineName, ShouldRetry);
    }

    // A 500 may say CBC.0999 (retry) or a code re-sending cannot fix, and a 200 may say 91381036 (retry): the body decides.
    private static readonly Func<RetryPredicateArguments<HttpResponseMessage>, ValueTask<bool>> ShouldRetry =
        OpenApiServiceCollectionExtensions.RetryWhenAnswerSays((status, body) => LicenseUploadAnswer.Read(status, body).IsTransient);
}
