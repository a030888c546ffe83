using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Provisioning.Grains;
using Provisioning.Grains.Login;
using Provisioning.Grains.Tenants;
using Provisioning.KooGallery.Login;

namespace Provisioning.Gateway.Login;

/// <summary>
/// <c>GET /login/{tenantId}</c> and <c>GET /login/cas/{tenantId}</c>: checks that the tenant can log in at all, remembers
/// the attempt under a fresh cookie of this browser, and sends the browser to the auth center (or the unified login page).
/// </summary>
public sealed class LoginStarts(
    IGrainFactory grains,
    LoginTenants tenants,
    LoginAddresses addresses,
    LoginQuery query,
    IOptions<LoginOptions> options,
    IOptions<TenantAuthCenterOptions> authCenterOptions,
    TimeProvider clock)
{
    public async Task<IResult> OAuthAsync(HttpContext http, string tenantId)
    {
        var (tenant, returnUrl) = await PrepareAsync(http, tenantId);
        var credentials = tenants.Credentials(tenant);
        if (options.Value.UseUnifiedLogin)
        {
            await BeginAsync(http, new LoginAttempt(tenant.TenantId, tenant.Address.Traffic, LoginMethod.OAuth2, returnUrl, null, null, null, Expiry()));
            return LoginResponses.Redirect(http.Response, LoginUrls.UnifiedLogin(authCenterOptions.Value.UnifiedLoginUrl, tenant.Application.AppId).AbsoluteUri);
        }

        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var verifier = options.Value.UsePkce ? Pkce.NewVerifier() : null;
        await BeginAsync(http, new LoginAttempt(tenant.TenantId, tenant.Address.Traffic, LoginMethod.OAuth2, returnUrl, state, verifier, null, Expiry()));
        var authorize = LoginUrls.Authorize(tenant.AuthCenter, credentials.ClientId, addresses.Callback(http.Request), state, pkceVerifier: verifier);
        return LoginResponses.Redirect(http.Response, authorize.AbsoluteUri);
    }

    public async Task<IResult> CasAsync(HttpContext http, string tenantId)
    {
        var (tenant, returnUrl) = await PrepareAsync(http, tenantId);
        var service = addresses.CasService(http.Request, tenant.TenantId);
        await BeginAsync(http, new LoginAttempt(tenant.TenantId, tenant.Address.Traffic, LoginMethod.Cas, returnUrl, null, null, service, Expiry()));
        return LoginResponses.Redirect(http.Response, LoginUrls.CasLogin(tenant.AuthCenter, service).AbsoluteUri);
    }

    private async Task<(LoginTenant Tenant, string ReturnUrl)> PrepareAsync(HttpContext http, string tenantId)
    {
        if (tenantId.Length > 128) throw new LoginRefusedException(LoginError.InvalidRequest, "The tenant id is longer than 128 characters.");
        var returnUrl = query.ReturnUrl(http.Request);
        var tenant = await tenants.FindAsync(new TenantAddress(tenantId, LoginQuery.Traffic(http.Request)));
        return (tenant, returnUrl);
    }

    private async Task BeginAsync(HttpContext http, LoginAttempt attempt)
    {
        var key = LoginCookies.NewValue();
        await grains.GetLoginAttempt(key).Begin(attempt);
        LoginCookies.Write(http.Response, LoginCookies.Attempt, key, options.Value.AttemptLifetime, addresses.Secure(http.Request));
    }

    private DateTimeOffset Expiry() => clock.GetUtcNow() + options.Value.AttemptLifetime;
}
