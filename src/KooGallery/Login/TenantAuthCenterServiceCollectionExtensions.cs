using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Provisioning.KooGallery.Login;

/// <summary>Registers the client of the tenants' auth centers.</summary>
public static class TenantAuthCenterServiceCollectionExtensions
{
    // Token, user and CAS answers are small; a bigger one is refused rather than read into memory.
    private const int MaxAnswerBytes = 256 * 1024;

    /// <summary>
    /// Binds <see cref="TenantAuthCenterOptions"/> from <c>KooGallery:Login</c> (checked when the host starts) and registers
    /// a typed <see cref="TenantAuthCenterClient"/>. It has no base address (each tenant has its own auth center) and does
    /// its own timeouts and retries, since which calls may be repeated depends on the call.
    /// </summary>
    public static IHttpClientBuilder AddKooGalleryTenantAuthCenter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TenantAuthCenterOptions>()
            .Bind(configuration.GetSection(TenantAuthCenterOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services.AddHttpClient<TenantAuthCenterClient>(http =>
        {
            http.Timeout = Timeout.InfiniteTimeSpan;
            http.MaxResponseContentBufferSize = MaxAnswerBytes;
        });
    }
}
