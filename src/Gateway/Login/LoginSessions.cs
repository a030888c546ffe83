using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Provisioning.Grains;
using Provisioning.Grains.Login;
using Provisioning.Grains.Tenants;
using Provisioning.KooGallery.Login;

namespace Provisioning.Gateway.Login;

/// <summary>
/// A login's session after admission: it is opened with the first token, refreshed (kit §D.1 step 5) while it lives, and
/// ended by the logout, which also ends the user's session at the auth center.
/// </summary>
public sealed class LoginSessions(
    IGrainFactory grains,
    LoginTenants tenants,
    LoginAdmission admission,
    LoginTokens tokens,
    LoginAddresses addresses,
    LoginQuery query,
    TenantAuthCenterClient authCenter,
    IOptions<LoginOptions> options,
    TimeProvider clock,
    ILogger<LoginSessions> logger)
{
    // An access token this close to its expiry is renewed before the refresh is answered.
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(1);

    /// <summary>Opens a session for an admitted user and sends the browser back to the application with its first token.</summary>
    public async Task<IResult> OpenAsync(HttpContext http, LoginTenant tenant, string userName, LoginMethod method, AuthCenterTokens? upstream,
        string returnUrl, string step)
    {
        var sessionId = Guid.NewGuid().ToString("N");
        var identity = await admission.AdmitAsync(tenant, userName, method, sessionId);
        var now = clock.GetUtcNow();
        var key = LoginCookies.NewValue();
        await grains.GetLoginSession(key).Start(new LoginSession(sessionId, tenant.TenantId, tenant.Address.Traffic, tenant.Application.AppId,
            userName, method, upstream?.AccessToken, upstream?.RefreshToken, upstream is null ? null : now + upstream.ExpiresIn,
            now + options.Value.SessionLifetime));
        LoginCookies.Write(http.Response, LoginCookies.Session, key, options.Value.SessionLifetime, addresses.Secure(http.Request));
        return await ReturnAsync(http, identity, returnUrl, step);
    }

    /// <summary><c>GET /login/refresh</c>: a new token for the session's user, checked again, renewing the auth center's access token when due.</summary>
    public async Task<IResult> RefreshAsync(HttpContext http)
    {
        var returnUrl = query.ReturnUrl(http.Request);
        var (key, session) = await SessionAsync(http.Request);
        if (session is null) throw new LoginRefusedException(LoginError.NoSession, "This browser has no login session (or it expired); log in again.");

        var tenant = await tenants.FindAsync(new TenantAddress(session.TenantId, session.Traffic));
        if (session.Method == LoginMethod.OAuth2 && session.AccessExpiresAt <= clock.GetUtcNow() + RenewalMargin)
        {
            await RenewAsync(http, key!, session, tenant);
        }

        var identity = await admission.AdmitAsync(tenant, session.UserName, session.Method, session.PublicId);
        return await ReturnAsync(http, identity, returnUrl, "refresh");
    }

    /// <summary><c>GET /logout</c>: ends the session here and at the auth center, which then returns to <c>returnUrl</c>.</summary>
    public async Task<IResult> LogoutAsync(HttpContext http)
    {
        var returnUrl = query.OptionalReturnUrl(http.Request);
        var key = LoginCookies.Read(http.Request, LoginCookies.Session);
        var ended = key is null ? null : await grains.GetLoginSession(key).End();
        LoginCookies.Delete(http.Response, LoginCookies.Session, addresses.Secure(http.Request));
        if (ended is null) return Back();

        logger.LoggedOut(ended.TenantId, ended.PublicId);
        var snapshot = await grains.GetTenant(new TenantAddress(ended.TenantId, ended.Traffic)).Get();
        if (!AuthCenterAddress.TryParse(snapshot?.DomainName, out var center, out _)) return Back();

        var upstream = ended.Method == LoginMethod.Cas
            ? LoginUrls.CasLogout(center, returnUrl ?? addresses.Origin(http.Request))
            : LoginUrls.Logout(center, returnUrl);
        return LoginResponses.Redirect(http.Response, upstream.AbsoluteUri);

        // Without a session at an auth center to end: straight back to the application, or a page saying so.
        IResult Back() => returnUrl is null ? LoginResponses.Page("Logged out", "You are logged out.") : LoginResponses.Redirect(http.Response, returnUrl);
    }

    private async Task<(string? Key, LoginSession? Session)> SessionAsync(HttpRequest request)
    {
        var key = LoginCookies.Read(request, LoginCookies.Session);
        return (key, key is null ? null : await grains.GetLoginSession(key).Get());
    }

    private async Task RenewAsync(HttpContext http, string key, LoginSession session, LoginTenant tenant)
    {
        var result = session.RefreshToken is null
            ? null
            : await authCenter.RefreshAsync(tenant.AuthCenter, tenants.Credentials(tenant), session.RefreshToken, http.RequestAborted);
        if (result is null || result.Failure is AuthCenterFailure.InvalidGrant or AuthCenterFailure.Unauthorized)
        {
            await grains.GetLoginSession(key).End();
            LoginCookies.Delete(http.Response, LoginCookies.Session, addresses.Secure(http.Request));
            throw new LoginRefusedException(LoginError.NoSession, result is null
                ? "The auth center's access token expired and it gave no refresh token; log in again."
                : "The auth center no longer accepts the session's refresh token; log in again.");
        }

        var renewed = AuthCenterRefusals.ValueOf(result, tokenCall: true);
        await grains.GetLoginSession(key).Renew(renewed.AccessToken, renewed.RefreshToken, clock.GetUtcNow() + renewed.ExpiresIn);
    }

    private async Task<IResult> ReturnAsync(HttpContext http, LoginIdentity identity, string returnUrl, string step)
    {
        var token = await tokens.IssueAsync(identity, addresses.Issuer(http.Request), http.RequestAborted);
        logger.Admitted(step, identity.TenantId, identity.Role, identity.Method, identity.SessionId);
        return LoginResponses.Redirect(http.Response, QueryHelpers.AddQueryString(returnUrl, "token", token.Token));
    }
}
