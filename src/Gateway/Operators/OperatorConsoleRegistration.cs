using Microsoft.AspNetCore.Authentication.Cookies;

namespace Provisioning.Gateway.Operators;

/// <summary>Registration of the operator console: Razor Pages under <c>/console</c> behind its own cookie sign-in.</summary>
public static class OperatorConsoleRegistration
{
    public static WebApplicationBuilder AddOperatorConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OperatorRoles>();
        builder.Services.AddRazorPages(o => o.RootDirectory = "/Operators/Pages");
        builder.Services.AddAuthentication()
            .AddCookie(OperatorRoles.Scheme, o =>
            {
                o.Cookie.Name = "console_session";
                o.Cookie.Path = "/console";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = false;
                o.LoginPath = "/console/signin";
                o.AccessDeniedPath = "/console/signin";
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OperatorRoles.ReadPolicy, p => p.AddAuthenticationSchemes(OperatorRoles.Scheme).RequireRole(OperatorRoles.Operator, OperatorRoles.Reader))
            .AddPolicy(OperatorRoles.ChangePolicy, p => p.AddAuthenticationSchemes(OperatorRoles.Scheme).RequireRole(OperatorRoles.Operator));
        return builder;
    }

    public static WebApplication MapOperatorConsole(this WebApplication app)
    {
        app.MapRazorPages().RequireAuthorization(OperatorRoles.ReadPolicy);
        return app;
    }
}
