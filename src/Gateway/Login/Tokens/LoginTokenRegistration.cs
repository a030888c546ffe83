using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Provisioning.Gateway.Login;

/// <summary>Registration of the login tokens and their key cache; <see cref="LoginOptions"/> and <see cref="LoginAddresses"/> are registered with the login endpoints.</summary>
public static class LoginTokenRegistration
{
    public static IServiceCollection AddLoginTokens(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LoginKeyCache>();
        services.AddSingleton<LoginTokens>();
        return services;
    }
}
