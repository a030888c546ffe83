using Provisioning.Marketplace.AuthCenter;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// OAuth 2.0 logins through the gateway (docs/login.md): an admin and a plain user admitted with verified tokens, a refresh
/// keeping the session, a logout through the auth center, and the auth center seeing the decrypted secret and each code once.
/// </summary>
public sealed class LoginOAuthScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "login-oauth";

    /// <inheritdoc />
    public string Description => "OAuth 2.0 login of an admin and a user (token verified against the JWKS, claims), refresh (same sid), logout, refresh refused";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var steps = LoginSteps.For(play);
        var tenant = await LoginTenant.SetUp(play, steps.Site);
        var before = await steps.Arrivals("fake auth center arrivals before the logins");

        var browser = steps.Site.NewBrowser();
        var (admin, _) = await steps.Admitted("the admin logs in: the token verifies, role admin, instance active, auth oauth2", browser,
            steps.Start(tenant.TenantId), tenant.Admin.UserName, tenant.Expected(tenant.Admin, LoginSteps.OAuth));
        await steps.Admitted("a user logs in in another browser: role user, a session of its own", steps.Site.NewBrowser(),
            steps.Start(tenant.TenantId), tenant.Plain.UserName, tenant.Expected(tenant.Plain, LoginSteps.OAuth),
            (token, _) => LoginSteps.Sid(token) == LoginSteps.Sid(admin) ? "the user's sid is the admin's" : null);
        await steps.Admitted("refresh: a new token with the same sid", browser, steps.Refresh(), null, tenant.Expected(tenant.Admin, LoginSteps.OAuth),
            (token, _) => LoginSteps.Sid(token) != LoginSteps.Sid(admin) ? "the refreshed token's sid differs"
                : token.Id == admin.Id ? "the refreshed token is the first one (same jti)"
                : null);

        await steps.LoggedOut("logout: 302 to the auth center's logout, which returns to the application", browser, AuthCenterPaths.Logout);
        await steps.Refused("refresh after the logout: 401 no_session", browser, steps.Refresh(), null, 401, "no_session");

        await steps.Saw("the auth center got the decrypted secret, each code once, one logout", before, (then, now) =>
            now.SecretsMatched - then.SecretsMatched < 2 ? $"{now.SecretsMatched - then.SecretsMatched} token calls carried the registered secret, expected at least 2"
            : now.SecretsMismatched != then.SecretsMismatched ? $"{now.SecretsMismatched - then.SecretsMismatched} token calls carried another secret"
            : now.CodesRedeemedTwice != then.CodesRedeemedTwice ? $"{now.CodesRedeemedTwice - then.CodesRedeemedTwice} codes were presented twice"
            : now.Logouts - then.Logouts != 1 ? $"{now.Logouts - then.Logouts} logouts, expected 1"
            : null);
        await V1Steps.Release(play, "releaseInstance", tenant.InstanceId, tenant.OrderId);
    }
}
