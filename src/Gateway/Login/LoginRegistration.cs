using Provisioning.Gateway.Telemetry;
using Provisioning.KooGallery.Login;

namespace Provisioning.Gateway.Login;

/// <summary>Registration of the login bridge.</summary>
public static class LoginRegistration
{
    public static WebApplicationBuilder AddLogin(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LoginOptions>()
            .Bind(builder.Configuration.GetSection(LoginOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddKooGalleryTenantAuthCenter(builder.Configuration);
        builder.Services.AddSingleton<LoginAddresses>();
        builder.Services.AddSingleton<LoginQuery>();
        builder.Services.AddSingleton<LoginTenants>();
        builder.Services.AddSingleton<LoginAdmission>();
        builder.Services.AddScoped<LoginSessions>();
        builder.Services.AddScoped<LoginStarts>();
        builder.Services.AddScoped<LoginCallbacks>();
        builder.Services.AddSingleton<LoginMetrics>();
        builder.Services.AddLoginTokens();
        return builder;
    }
}
