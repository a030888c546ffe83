using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Provisioning.KooGallery.OpenApi;

/// <summary>Registers the marketplace Open API clients.</summary>
public static class OpenApiServiceCollectionExtensions
{
    private const string PipelineName = "koogallery-openapi";

    /// <summary>
    /// Binds <see cref="OpenApiOptions"/> from <c>KooGallery:OpenApi</c> and registers a typed <see cref="OrderQueryClient"/>
    /// whose requests pass, outermost first: retries of transient failures with a per-attempt timeout, the fallback host,
    /// and AK/SK signing. The settings are checked when the host starts (or at first use without a host); the AK/SK only when a
    /// call is signed, so a seller who never calls the Open API needs none.
    /// </summary>
    public static IHttpClientBuilder AddKooGalleryOpenApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        AddOpenApiOptions(services, configuration);
        return AddSignedClient<OrderQueryClient>(services, PipelineName);
    }

    /// <summary>
    /// A typed client of an AK/SK-signed open API at <see cref="OpenApiOptions.BaseUrl"/>, whose requests pass, outermost first:
    /// retries (of what <paramref name="shouldRetry"/> calls transient; by default network faults, timeouts, HTTP 408, 429 and
    /// 5xx) with a per-attempt timeout, the fallback host, <paramref name="beforeSigning"/> if any, and AK/SK signing, so every
    /// attempt is signed afresh.
    /// </summary>
    internal static IHttpClientBuilder AddSignedClient<TClient>(IServiceCollection services, string pipelineName,
        Func<RetryPredicateArguments<HttpResponseMessage>, ValueTask<bool>>? shouldRetry = null, Func<DelegatingHandler>? beforeSigning = null)
        where TClient : class
    {
        var builder = services.AddHttpClient<TClient>((sp, http) => http.BaseAddress = Options(sp).BaseUri);
        builder.AddResilienceHandler(pipelineName, (pipeline, context) => AddRetriesAndTimeout(pipeline, Options(context.ServiceProvider), shouldRetry));
        builder.AddHttpMessageHandler(sp => new FallbackHostHandler(Options(sp).BaseUri, Options(sp).FallbackBaseUri));
        if (beforeSigning is not null) builder.AddHttpMessageHandler(beforeSigning);
        builder.AddHttpMessageHandler(sp => new SigningHandler(Options(sp), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder;
    }

    /// <summary>
    /// A retry choice for APIs whose answer body says whether it is transient (an error table keyed by its code): a missing
    /// answer is retried when it is a transient fault, an answer when <paramref name="isTransient"/> (HTTP status, body) says so.
    /// </summary>
    internal static Func<RetryPredicateArguments<HttpResponseMessage>, ValueTask<bool>> RetryWhenAnswerSays(Func<int, byte[], bool> isTransient) =>
        async args =>
        {
            if (args.Outcome.Result is not { } response) return HttpClientResiliencePredicates.IsTransient(args.Outcome);
            var body = await response.Content.ReadAsByteArrayAsync(args.Context.CancellationToken).ConfigureAwait(false);
            return isTransient((int)response.StatusCode, body);
        };

    /// <summary>Binds and validates <see cref="OpenApiOptions"/> once, however many clients share them.</summary>
    internal static void AddOpenApiOptions(IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<OpenApiOptions>)))
        {
            return;
        }

        services.AddOptions<OpenApiOptions>()
            .Bind(configuration.GetSection(OpenApiOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }

    /// <summary>
    /// Per-attempt timeout inside retries with exponential backoff; <paramref name="shouldRetry"/> replaces the default
    /// choice of what is transient (network faults, timeouts, HTTP 408, 429 and 5xx).
    /// </summary>
    internal static void AddRetriesAndTimeout(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, OpenApiOptions options,
        Func<RetryPredicateArguments<HttpResponseMessage>, ValueTask<bool>>? shouldRetry = null)
    {
        if (options.MaxRetries > 0)
        {
            var retry = new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // A Retry-After far in the future would hold the marketplace's own callback past its 5 s limit.
                ShouldRetryAfterHeader = false,
            };
            if (shouldRetry is not null)
            {
                retry.ShouldHandle = shouldRetry;
            }

            pipeline.AddRetry(retry);
        }

        pipeline.AddTimeout(options.Timeout);
    }

    internal static OpenApiOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<OpenApiOptions>>().Value;
}
