using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Provisioning.KooGallery.OpenApi;

/// <summary>Registers the marketplace Open API clients.</summary>
public static class OpenApiServiceCollectionExtensions
{
    private const string PipelineName = "koogallery-openapi";

    /// <summary>
    /// Binds <see cref="OpenApiOptions"/> from <c>KooGallery:OpenApi</c> and registers a typed <see cref="OrderQueryClient"/>
    /// whose requests pass, outermost first: retries of transient failures with a per-attempt timeout, the fallback host,
    /// and AK/SK signing. Nothing is checked at startup: bad settings or missing AK/SK fail the first call.
    /// </summary>
    public static IHttpClientBuilder AddKooGalleryOpenApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OpenApiOptions>().Bind(configuration.GetSection(OpenApiOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenApiOptions>, OpenApiOptionsValidation>());

        var builder = services.AddHttpClient<OrderQueryClient>((sp, http) => http.BaseAddress = Options(sp).BaseUri);
        builder.AddResilienceHandler(PipelineName, (pipeline, context) => AddRetriesAndTimeout(pipeline, Options(context.ServiceProvider)));
        builder.AddHttpMessageHandler(sp => new FallbackHostHandler(Options(sp).BaseUri, Options(sp).FallbackBaseUri));
        builder.AddHttpMessageHandler(sp => new SigningHandler(Options(sp), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder;
    }

    private static void AddRetriesAndTimeout(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, OpenApiOptions options)
    {
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                // A Retry-After far in the future would hold the marketplace's own callback past its 5 s limit.
                ShouldRetryAfterHeader = false,
            });
        }

        pipeline.AddTimeout(options.Timeout);
    }

    private static OpenApiOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<OpenApiOptions>>().Value;
}
