using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Login;
using Provisioning.Grains.Tenants;
using Provisioning.KooGallery.Login;

namespace Provisioning.Gateway.Login;

/// <summary>
/// The auth center's redirects back: <c>GET /login/callback</c> (OAuth 2.0, kit §D.1–D.2) and <c>GET /login/cas/callback</c>
/// (CAS 3.0, kit §D.3). Each completes this browser's attempt once, proves the user at the auth center, then opens a session.
/// </summary>
public sealed class LoginCallbacks(
    IGrainFactory grains,
    LoginTenants tenants,
    LoginSessions sessions,
    LoginAddresses addresses,
    TenantAuthCenterClient authCenter,
    IOptions<LoginOptions> options)
{
    public async Task<IResult> OAuthAsync(HttpContext http)
    {
        var request = http.Request;
        var state = LoginQuery.Single(request, "state");
        var attempt = await CompleteAttemptAsync(http, LoginMethod.OAuth2, stateGiven: state is not null);
        if (attempt?.State is { } expected && !SameText(expected, state))
        {
            throw new LoginRefusedException(LoginError.StateMismatch, "The state of the callback is not the one this browser's login sent.");
        }

        if (LoginQuery.Single(request, "error") is { } error)
        {
            throw new LoginRefusedException(LoginError.AuthorizationDenied, $"The auth center sent the browser back with the error {Printable(error)}.");
        }

        var code = LoginQuery.Required(request, "code");
        var tenant = await TenantAsync(request, attempt);
        var credentials = tenants.Credentials(tenant);
        var tokens = AuthCenterRefusals.ValueOf(await authCenter.ExchangeCodeAsync(tenant.AuthCenter, credentials, code,
            addresses.Callback(request), attempt?.PkceVerifier, http.RequestAborted), tokenCall: true);
        var user = AuthCenterRefusals.ValueOf(await authCenter.GetUserAsync(tenant.AuthCenter, tokens.AccessToken, http.RequestAborted));
        SameTenant(tenant, user.Tenant);
        return await sessions.OpenAsync(http, tenant, user.UserName, LoginMethod.OAuth2, tokens, ReturnUrl(attempt), "callback");
    }

    public async Task<IResult> CasAsync(HttpContext http)
    {
        var request = http.Request;
        var attempt = await CompleteAttemptAsync(http, LoginMethod.Cas, stateGiven: false);
        var ticket = LoginQuery.Required(request, "ticket");
        var tenant = await TenantAsync(request, attempt);
        var service = attempt?.CasService ?? addresses.CasService(request, tenant.TenantId);
        var user = AuthCenterRefusals.ValueOf(await authCenter.ValidateTicketAsync(tenant.AuthCenter, service, ticket, options.Value.CasFormat,
            http.RequestAborted));
        SameTenant(tenant, user.Tenant);
        return await sessions.OpenAsync(http, tenant, user.UserName, LoginMethod.Cas, null, ReturnUrl(attempt), "CAS callback");
    }

    // The attempt of this browser, completed once; null for a login the workbench started, when those are accepted.
    private async Task<LoginAttempt?> CompleteAttemptAsync(HttpContext http, LoginMethod method, bool stateGiven)
    {
        var key = LoginCookies.Read(http.Request, LoginCookies.Attempt);
        if (key is null)
        {
            if (!stateGiven && options.Value.AcceptWorkbenchLogins) return null;
            throw new LoginRefusedException(LoginError.StateMismatch,
                "No login was started from this browser (it sent no login_attempt cookie): start the login again from the application.");
        }

        LoginCookies.Delete(http.Response, LoginCookies.Attempt, addresses.Secure(http.Request));
        var claim = await grains.GetLoginAttempt(key).Complete();
        return claim.Status switch
        {
            LoginAttemptStatus.Claimed when claim.Attempt!.Method == method => claim.Attempt,
            LoginAttemptStatus.Claimed => throw new LoginRefusedException(LoginError.StateMismatch,
                $"This browser's login was started for {claim.Attempt.Method}, not for this callback."),
            LoginAttemptStatus.AlreadyCompleted => throw new LoginRefusedException(LoginError.LoginExpired,
                "This login was already completed; a callback counts once. Start the login again."),
            LoginAttemptStatus.Expired => throw new LoginRefusedException(LoginError.LoginExpired,
                $"This login was started more than {options.Value.AttemptLifetime.TotalMinutes:0} minutes ago; start it again."),
            _ => throw new LoginRefusedException(LoginError.StateMismatch, "This browser's login attempt is unknown to the gateway; start the login again."),
        };
    }

    private async Task<LoginTenant> TenantAsync(HttpRequest request, LoginAttempt? attempt)
    {
        var named = LoginQuery.Single(request, "tenant");
        if (attempt is null)
        {
            return await tenants.FindAsync(new TenantAddress(named ?? LoginQuery.Required(request, "tenant"), Traffic.Live));
        }

        if (named is not null && named != attempt.TenantId)
        {
            throw new LoginRefusedException(LoginError.TenantMismatch, "The callback names another tenant than the one this browser's login started for.");
        }

        return await tenants.FindAsync(new TenantAddress(attempt.TenantId, attempt.Traffic));
    }

    private string ReturnUrl(LoginAttempt? attempt) =>
        attempt?.ReturnUrl ?? options.Value.DefaultReturnUrl
        ?? throw new LoginRefusedException(LoginError.ReturnUrlNotAllowed, "A workbench login needs Login:DefaultReturnUrl to return to.");

    private static void SameTenant(LoginTenant tenant, string reported)
    {
        if (reported != tenant.TenantId)
        {
            throw new LoginRefusedException(LoginError.TenantMismatch, "The auth center's user belongs to another tenant than the one logging in.");
        }
    }

    private static bool SameText(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));

    private static string Printable(string error) =>
        error.Length <= 64 && error.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') ? error : "(unreadable)";
}
