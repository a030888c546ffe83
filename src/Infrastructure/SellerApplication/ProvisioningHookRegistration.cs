using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Grains.Instances;

namespace Provisioning.Infrastructure.SellerApplication;

/// <summary>Registers the provisioning hook, only when <c>SellerApplication:ProvisioningUrl</c> is set: without it no grain asks.</summary>
public static class ProvisioningHookRegistration
{
    public static IServiceCollection AddProvisioningHook(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration[$"{SellerApplicationOptions.SectionName}:{nameof(SellerApplicationOptions.ProvisioningUrl)}"])) return services;

        // SellerApplication:RequestTimeout bounds each request, not the client's own timeout.
        services.AddHttpClient<ITenantProvisioner, SellerApplicationProvisioner>(http => (http.MaxResponseContentBufferSize, http.Timeout) = (SellerApplicationProvisioner.MaxAnswerBytes, Timeout.InfiniteTimeSpan));
        return services;
    }
}
