using Provisioning.Marketplace.AuthCenter;

namespace Provisioning.Simulator.Scenarios;

/// <summary>CAS 3.0 logins through the gateway (ticket validated in the default XML form): tokens saying <c>auth=cas</c>, refresh, logout.</summary>
public sealed class LoginCasScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "login-cas";

    /// <inheritdoc />
    public string Description => "CAS 3.0 login of an admin and a user (ticket validated as XML; claims with auth cas), refresh, logout through the CAS logout";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var steps = LoginSteps.For(play);
        var tenant = await LoginTenant.SetUp(play, steps.Site);
        var before = await steps.Arrivals("fake auth center arrivals before the logins");

        var browser = steps.Site.NewBrowser();
        var (admin, _) = await steps.Admitted("the admin logs in by CAS: the token verifies, role admin, auth cas", browser,
            steps.Start(tenant.TenantId, LoginSteps.Cas), tenant.Admin.UserName, tenant.Expected(tenant.Admin, LoginSteps.Cas),
            (_, landing) => landing.Visited.Any(u => steps.Site.IsAuthCenter(u) && u.AbsolutePath.EndsWith(AuthCenterPaths.CasLogin, StringComparison.Ordinal))
                ? null
                : "the browser never went to the auth center's CAS login");
        await steps.Admitted("a user logs in by CAS in another browser: role user", steps.Site.NewBrowser(),
            steps.Start(tenant.TenantId, LoginSteps.Cas), tenant.Plain.UserName, tenant.Expected(tenant.Plain, LoginSteps.Cas));
        await steps.Admitted("refresh of the CAS session: a new token with the same sid", browser, steps.Refresh(), null,
            tenant.Expected(tenant.Admin, LoginSteps.Cas), (token, _) => LoginSteps.Sid(token) != LoginSteps.Sid(admin) ? "the refreshed token's sid differs" : null);

        await steps.LoggedOut("logout: 302 to the auth center's CAS logout, which returns to the application", browser, AuthCenterPaths.CasLogout);
        await steps.Refused("refresh after the logout: 401 no_session", browser, steps.Refresh(), null, 401, "no_session");

        await steps.Saw("the auth center validated each ticket once and got no OAuth token call", before, (then, now) =>
            now.TicketsValidatedTwice != then.TicketsValidatedTwice ? $"{now.TicketsValidatedTwice - then.TicketsValidatedTwice} tickets were validated twice"
            : now.TokenRequests.Values.Sum() != then.TokenRequests.Values.Sum() ? "a CAS login called the OAuth token endpoint"
            : now.Logouts - then.Logouts != 1 ? $"{now.Logouts - then.Logouts} logouts, expected 1"
            : null);
        await V1Steps.Release(play, "releaseInstance", tenant.InstanceId, tenant.OrderId);
    }
}
