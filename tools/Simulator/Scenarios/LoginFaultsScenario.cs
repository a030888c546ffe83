using Provisioning.Marketplace.AuthCenter;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// The tenant's auth center failing during a login (docs/login.md, "Errors"): the token endpoint refusing the client, failing
/// or answering too late, and userinfo refusing a fresh access token, each a 502; then a login succeeds again.
/// </summary>
public sealed class LoginFaultsScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "login-faults";

    /// <inheritdoc />
    public string Description => "the auth center's token endpoint answering invalid_client, HTTP 500 or too late, and userinfo 401: 502 invalid_client / auth_center_unavailable; then a login succeeds";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var steps = LoginSteps.For(play);
        var site = steps.Site;
        var tenant = await LoginTenant.SetUp(play, site);
        var start = steps.Start(tenant.TenantId);
        var admin = tenant.Admin.UserName;
        var before = await steps.Arrivals("the fake auth center's arrivals before the faults");

        foreach (var (fault, what, code) in new[]
                 {
                     (TokenFault.InvalidClient, "refuses the client (invalid_client)", "invalid_client"),
                     (TokenFault.Error, "fails (HTTP 500)", "auth_center_unavailable"),
                     (TokenFault.Slow, "answers too late", "auth_center_unavailable"),
                 })
        {
            await play.Check($"the fake's next token call {what}", async () =>
            {
                await site.AuthCenterControl.InjectTokenFaults(fault, 1);
                return null;
            });
            await steps.Refused($"a login while the token endpoint {what}: 502 {code}", site.NewBrowser(), start, admin, 502, code);
        }

        // docs/login.md names no code for userinfo refusing a token just issued; the auth center answered something unusable.
        await play.Check("the fake's next userinfo call answers 401", async () =>
        {
            await site.AuthCenterControl.InjectUserinfoFaults(1);
            return null;
        });
        await steps.Refused("a login while userinfo answers 401: 502 auth_center_unavailable", site.NewBrowser(), start, admin, 502, "auth_center_unavailable");

        await steps.Admitted("a login once the auth center works again: admitted", site.NewBrowser(), start, admin, tenant.Expected(tenant.Admin, LoginSteps.OAuth));
        await steps.Saw("every fault was played: 5 code exchanges and 2 userinfo calls reached the auth center", before, (then, now) =>
        {
            var exchanges = now.TokenRequests.GetValueOrDefault("authorization_code") - then.TokenRequests.GetValueOrDefault("authorization_code");
            var userinfo = now.UserinfoCalls - then.UserinfoCalls;
            return exchanges != 5 ? $"{exchanges} code exchanges, expected 5 (each sent once)"
                : userinfo != 2 ? $"{userinfo} userinfo calls, expected 2"
                : now.CodesRedeemedTwice != then.CodesRedeemedTwice ? "a code was presented twice"
                : null;
        });
        await V1Steps.Release(play, "releaseInstance", tenant.InstanceId, tenant.OrderId);
    }
}
