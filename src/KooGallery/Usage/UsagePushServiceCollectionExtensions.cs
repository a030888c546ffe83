using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Provisioning.KooGallery.OpenApi;

namespace Provisioning.KooGallery.Usage;

/// <summary>Registers the usage push client.</summary>
public static class UsagePushServiceCollectionExtensions
{
    private const string PipelineName = "koogallery-usage-push";

    /// <summary>
    /// Binds <see cref="UsagePushOptions"/> from <c>KooGallery:UsagePush</c> (the access key falling back to
    /// <c>KooGallery:AccessKey</c>) and <see cref="OpenApiOptions"/> from <c>KooGallery:OpenApi</c>, and registers a typed
    /// <see cref="UsagePushClient"/> whose requests pass, outermost first: retries of transient failures only (for the old version, only of
    /// attempts that never reached the marketplace), with a per-attempt timeout; the fallback host; and signing (the new version's HMAC headers, or AK/SK for the old one), so
    /// every attempt is signed afresh. The settings are checked when the host starts; missing keys fail the first push.
    /// </summary>
    public static IHttpClientBuilder AddKooGalleryUsagePush(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        OpenApiServiceCollectionExtensions.AddOpenApiOptions(services, configuration);
        services.AddOptions<UsagePushOptions>()
            .Bind(configuration.GetSection(UsagePushOptions.SectionName))
            .Configure(options => options.BasicAccessKey = configuration[UsagePushOptions.BasicAccessKeySetting])
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        var builder = services.AddHttpClient<UsagePushClient>((sp, http) => http.BaseAddress = OpenApi(sp).BaseUri);
        builder.AddResilienceHandler(PipelineName, (pipeline, context) =>
        {
            var version = Usage(context.ServiceProvider).Version;
            OpenApiServiceCollectionExtensions.AddRetriesAndTimeout(pipeline, OpenApi(context.ServiceProvider), args => ShouldRetry(args, version));
        });
        builder.AddHttpMessageHandler(sp => new FallbackHostHandler(OpenApi(sp).BaseUri, OpenApi(sp).FallbackBaseUri));
        builder.AddHttpMessageHandler(sp => Usage(sp).Version == UsagePushVersion.Old
            ? new SigningHandler(OpenApi(sp), sp.GetRequiredService<TimeProvider>())
            : new UsagePushSigningHandler(Usage(sp), sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    // An answer is retried only when the error table calls it transient, which needs its error_code: a 500 can be
    // MKT.0999 (retry) or MKT.9001 (never). The old version, whose records have no metering_sn, is sent again only when
    // the first attempt never left (or was turned away unprocessed), since the marketplace could not tell a re-send.
    private static async ValueTask<bool> ShouldRetry(RetryPredicateArguments<HttpResponseMessage> args, UsagePushVersion version)
    {
        if (args.Outcome.Result is not { } response)
        {
            return version == UsagePushVersion.Old
                ? args.Outcome.Exception is { } fault && UsagePushAnswer.NeverSent(fault)
                : HttpClientResiliencePredicates.IsTransient(args.Outcome);
        }

        var body = await response.Content.ReadAsByteArrayAsync(args.Context.CancellationToken).ConfigureAwait(false);
        return UsagePushAnswer.Read((int)response.StatusCode, body, version).IsTransient;
    }

    private static OpenApiOptions OpenApi(IServiceProvider services) => OpenApiServiceCollectionExtensions.Options(services);

    private static UsagePushOptions Usage(IServiceProvider services) => services.GetRequiredService<IOptions<UsagePushOptions>>().Value;
}
