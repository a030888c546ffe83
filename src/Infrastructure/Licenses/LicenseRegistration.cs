using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Provisioning.Grains.Licenses;

namespace Provisioning.Infrastructure.Licenses;

/// <summary>Registration of the default License issuer; a seller's own <see cref="ILicenseIssuer"/>, registered first, replaces it.</summary>
internal static class LicenseRegistration
{
    public static IServiceCollection AddLicenses(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LicenseOptions>()
            .Bind(configuration.GetSection(LicenseOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ILicenseIssuer, SignedLicenseIssuer>();

        // Only an issuer that signs with a key of its own has one to publish.
        services.TryAddSingleton<ILicenseVerificationKeySource>(sp => sp.GetRequiredService<ILicenseIssuer>() as ILicenseVerificationKeySource ?? new NoVerificationKey());
        return services;
    }

    private sealed class NoVerificationKey : ILicenseVerificationKeySource
    {
        public LicenseVerificationKey? Current => null;
    }
}
