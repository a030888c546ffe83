using System.Security.Cryptography;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Kit;
using Provisioning.Marketplace.Callbacks;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// Logins the gateway must refuse, each with its status, <c>Login-Error</c> and JSON error (docs/login.md, "Errors"): the
/// request (tenant, returnUrl), the attempt (state, replays), the user (authSync) and the tenant's instance (frozen, released).
/// </summary>
public sealed class LoginRefusalsScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "login-refusals";

    /// <inheritdoc />
    public string Description => "unknown tenant, foreign returnUrl, forged state, replayed callback and code, users not authorized or disabled, no app client, frozen and released instance";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var steps = LoginSteps.For(play);
        var site = steps.Site;
        var tenant = await LoginTenant.SetUp(play, site);
        var start = steps.Start(tenant.TenantId);
        var admin = tenant.Admin.UserName;

        await steps.Refused("an unknown tenant: 404 unknown_tenant", site.NewBrowser(), steps.Start($"simulator-login-unknown-{Guid.NewGuid():N}"), admin, 404, "unknown_tenant");
        await steps.Refused("a returnUrl at another origin: 400 return_url_not_allowed, no Location", site.NewBrowser(),
            steps.Start(tenant.TenantId, returnUrl: "https://elsewhere.example/signed-in"), admin, 400, "return_url_not_allowed",
            landing => landing.Location is null ? null : "the refusal has a Location header");

        var forging = site.NewBrowser();
        var callback = await steps.AtCallback("a login reaches the callback", forging, start, admin);
        await steps.Refused("the callback with another state: 400 state_mismatch", forging,
            LoginSteps.WithParameter(callback, "state", RandomNumberGenerator.GetHexString(32)), null, 400, "state_mismatch");

        await Replays(steps, tenant);

        await steps.Refused("a user authSync never named: 403 user_not_authorized", site.NewBrowser(), start, tenant.Stranger.UserName, 403, "user_not_authorized");
        await steps.Refused("a disabled user: 403 user_disabled", site.NewBrowser(), start, tenant.Disabled.UserName, 403, "user_disabled");
        await steps.Refused("a user whose authorization was withdrawn: 403 user_not_authorized", site.NewBrowser(), start, tenant.Withdrawn.UserName, 403, "user_not_authorized");

        await NoClient(steps, tenant);
        await Instance(steps, tenant);
    }

    /// <summary>A completed login's callback sent again (with and without its cookie), and its code slipped into a new login's callback.</summary>
    private static async Task Replays(LoginSteps steps, LoginTenant tenant)
    {
        var before = await steps.Arrivals("the fake auth center's arrivals before the replays");
        var browser = steps.Site.NewBrowser();
        var start = steps.Start(tenant.TenantId);
        var first = await steps.AtCallback("a login of another browser reaches the callback", browser, start, tenant.Admin.UserName);
        var captured = browser.Copy();
        await steps.Admitted("that login completes", browser, first, null, tenant.Expected(tenant.Admin, LoginSteps.OAuth));
        await steps.Refused("the same callback request again, its attempt cookie too: 400 login_expired", captured, first, null, 400, "login_expired");
        await steps.Refused("its callback URL again in the browser, whose attempt cookie is gone: 400 state_mismatch", browser, first, null, 400, "state_mismatch");
        var second = await steps.AtCallback("a new login of the same browser reaches the callback", browser, start, tenant.Admin.UserName);
        await steps.Refused("the new login's callback with the first login's code: 400 code_rejected", browser,
            LoginSteps.WithParameter(second, "code", LoginSteps.Parameter(first, "code") ?? ""), null, 400, "code_rejected");
        await steps.Saw("the auth center saw the first code presented again once (the replayed callback never reached it)", before, (then, now) =>
            now.CodesRedeemedTwice - then.CodesRedeemedTwice == 1 ? null : $"{now.CodesRedeemedTwice - then.CodesRedeemedTwice} codes presented twice, expected 1");
    }

    /// <summary>A tenant without an app client, before and after an applicationSync whose secret is sealed for another key.</summary>
    private static async Task NoClient(LoginSteps steps, LoginTenant tenant)
    {
        var play = steps.Play;
        var bare = await tenant.WithoutApplication(play, steps.Site);
        await steps.Refused("a tenant without applicationSync: 409 no_app_credentials", steps.Site.NewBrowser(), steps.Start(bare), tenant.Admin.UserName, 409, "no_app_credentials");

        // The gateway checks the secret decrypts when it is synced, so an undecryptable secret is never stored (spec A-9):
        // secret_undecryptable cannot be reached through the Kit interface, only by changing the gateway's key afterwards.
        using var otherKey = RSA.Create(2048);
        using var wrongSealer = ClientSecretSealer.FromText(Convert.ToBase64String(otherKey.ExportSubjectPublicKeyInfo()));
        await play.Step("applicationSync of that tenant with a secret sealed for another key: refused", () => play.Require(play.KitV1, "--key").Call("applicationSync",
                ("instanceId", tenant.InstanceId), ("tenantId", bare), ("appId", LoginTenant.AppId), ("clientId", tenant.ClientId),
                ("clientSecret", wrongSealer.Seal(tenant.Secret)), ("flag", 1), ("testFlag", 0), ("timeStamp", KitMarketplace.Stamp())),
            Expectation.Code(ResultCodes.InternalError));
        await steps.Refused("that tenant still has no client: 409 no_app_credentials", steps.Site.NewBrowser(), steps.Start(bare), tenant.Admin.UserName, 409, "no_app_credentials");
    }

    /// <summary>The tenant's instance frozen (logins and refreshes refused), renewed (admitted again) and released.</summary>
    private static async Task Instance(LoginSteps steps, LoginTenant tenant)
    {
        var play = steps.Play;
        var start = steps.Start(tenant.TenantId);
        var admin = tenant.Admin.UserName;
        var session = steps.Site.NewBrowser();
        await steps.Admitted("the admin logs in before the freeze", session, start, admin, tenant.Expected(tenant.Admin, LoginSteps.OAuth));

        await play.Step("expireInstance: the instance is frozen", () => play.V1.Call("expireInstance", ("instanceId", tenant.InstanceId), ("orderId", tenant.OrderId)), V1Steps.Success);
        await steps.Refused("a login while the instance is frozen: 403 instance_frozen", steps.Site.NewBrowser(), start, admin, 403, "instance_frozen");
        await steps.Refused("a refresh while the instance is frozen: 403 instance_frozen", session, steps.Refresh(), null, 403, "instance_frozen");

        await V1Steps.Renew(play, "refreshInstance: renewed, the instance is active again", tenant.InstanceId);
        await steps.Admitted("a login after the renewal: admitted, instance active", steps.Site.NewBrowser(), start, admin, tenant.Expected(tenant.Admin, LoginSteps.OAuth));

        await V1Steps.Release(play, "releaseInstance", tenant.InstanceId, tenant.OrderId);
        await steps.Refused("a login after the release: 403 instance_released", steps.Site.NewBrowser(), start, admin, 403, "instance_released");
    }
}
