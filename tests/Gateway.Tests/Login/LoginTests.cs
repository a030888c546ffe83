using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.Login;

/// <summary>Buyers of a joint-operation tenant log in through the gateway at their auth center (issue 15), by OAuth 2.0 and CAS.</summary>
public sealed class LoginTests(LoginGateway gateway) : IClassFixture<LoginGateway>
{
    private static readonly TenantUserSetup Admin = new("zhangsan01", "Zhang San", Admin: true);
    private static readonly TenantUserSetup Plain = new("lisi", "Li Si");

    private static string Start(string tenantId, string returnUrl = LoginGateway.ReturnUrl, string path = "/login") =>
        $"{path}/{tenantId}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    private async Task<TokenValidationResult> Validate(string token)
    {
        var jwks = new JsonWebKeySet(await gateway.CreateClient().GetStringAsync("/.well-known/jwks.json"));
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "http://localhost", ValidAudience = "seller-application", IssuerSigningKeys = jwks.GetSigningKeys(),
        });
    }

    [Fact]
    public async Task An_authorized_admin_logs_in_and_the_application_gets_a_token_verifiable_with_the_published_keys()
    {
        var tenant = await gateway.SyncTenantAsync(users: [Admin, Plain]);
        using var browser = gateway.Browser();

        var outcome = await browser.Go(Start(tenant.TenantId), Admin.UserName);

        Assert.Equal(HttpStatusCode.Redirect, outcome.Status);
        Assert.StartsWith(LoginGateway.ReturnUrl + "&token=", outcome.Location!.AbsoluteUri);
        var validated = await Validate(outcome.Token!);
        Assert.True(validated.IsValid, validated.Exception?.Message);
        var jwt = outcome.Jwt;
        Assert.Equal(tenant.TenantId, jwt.GetClaim("tenant").Value);
        Assert.Equal($"{tenant.TenantId}/zhangsan01", jwt.Subject);
        Assert.Equal("zhangsan01", jwt.GetClaim("user_name").Value);
        Assert.Equal("Zhang San", jwt.GetClaim("name").Value);
        Assert.Equal("admin", jwt.GetClaim("role").Value);
        Assert.Equal("10001", jwt.GetClaim("org_code").Value);
        Assert.Equal(LoginGateway.AppId, jwt.GetClaim("app_id").Value);
        Assert.Equal(tenant.InstanceId, jwt.GetClaim("instance_id").Value);
        Assert.Equal("active", jwt.GetClaim("instance_status").Value);
        Assert.Equal("oauth2", jwt.GetClaim("auth").Value);
        Assert.False(jwt.TryGetClaim("test", out _));
        Assert.InRange(jwt.ValidTo - jwt.ValidFrom, TimeSpan.FromMinutes(4.9), TimeSpan.FromMinutes(5.1));

        var authorize = browser.Visited.Single(u => u.AbsolutePath.EndsWith("/oauth2/authorize", StringComparison.Ordinal));
        var sent = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal("S256", sent["code_challenge_method"]);
        Assert.Equal("http://localhost/login/callback", sent["redirect_uri"]);
        Assert.Matches("^[0-9a-f]{32}$", sent["state"].ToString());
    }

    [Fact]
    public async Task A_plain_user_gets_the_user_role_and_the_secret_reaches_the_auth_center_decrypted()
    {
        var tenant = await gateway.SyncTenantAsync(users: [Admin, Plain]);
        var before = gateway.AuthCenter.Arrivals.Snapshot();
        using var browser = gateway.Browser();

        var outcome = await browser.Go(Start(tenant.TenantId), Plain.UserName);

        Assert.Equal("user", outcome.Jwt.GetClaim("role").Value);
        var after = gateway.AuthCenter.Arrivals.Snapshot();
        Assert.Equal(before.SecretsMatched + 1, after.SecretsMatched);
        Assert.Equal(before.SecretsMismatched, after.SecretsMismatched);
    }

    [Fact]
    public async Task A_CAS_login_validates_the_ticket_and_says_so_in_the_token()
    {
        var tenant = await gateway.SyncTenantAsync(users: [Admin]);
        using var browser = gateway.Browser();

        var outcome = await browser.Go(Start(tenant.TenantId, path: "/login/cas"), Admin.UserName);

        Assert.True((await Validate(outcome.Token!)).IsValid);
        Assert.Equal("cas", outcome.Jwt.GetClaim("auth").Value);
        Assert.Equal("admin", outcome.Jwt.GetClaim("role").Value);
        var login = browser.Visited.Single(u => u.AbsolutePath.EndsWith("/cas/login", StringComparison.Ordinal));
        Assert.Equal($"http://localhost/login/cas/callback?tenant={tenant.TenantId}", QueryHelpers.ParseQuery(login.Query)["service"]);
    }

    [Fact]
    public async Task A_tenant_synced_by_test_traffic_logs_in_with_test_in_the_path_and_the_token()
    {
        var tenant = await gateway.SyncTenantAsync(test: true, users: [Admin]);
        using var browser = gateway.Browser();

        Assert.Equal("unknown_tenant", (await browser.Go(Start(tenant.TenantId), Admin.UserName)).Error);
        var outcome = await browser.Go(Start(tenant.TenantId) + "&test=true", Admin.UserName);

        Assert.True(outcome.Jwt.GetClaim("test").Value is "true");
    }

    [Fact]
    public async Task Refresh_gives_a_new_token_of_the_same_session_and_logout_ends_it_here_and_at_the_auth_center()
    {
        var tenant = await gateway.SyncTenantAsync(users: [Admin]);
        using var browser = gateway.Browser();
        var first = (await browser.Go(Start(tenant.TenantId), Admin.UserName)).Jwt;
        var logoutsBefore = gateway.AuthCenter.Arrivals.Snapshot().Logouts;

        var refreshed = await browser.Go($"/login/refresh?returnUrl={Uri.EscapeDataString(LoginGateway.ReturnUrl)}");
        var loggedOut = await browser.Go($"/logout?returnUrl={Uri.EscapeDataString(LoginGateway.ReturnUrl)}");
        var afterLogout = await browser.Go($"/login/refresh?returnUrl={Uri.EscapeDataString(LoginGateway.ReturnUrl)}");

        Assert.Equal(first.GetClaim("sid").Value, refreshed.Jwt.GetClaim("sid").Value);
        Assert.NotEqual(first.Id, refreshed.Jwt.Id);
        Assert.Equal(new Uri(LoginGateway.ReturnUrl), loggedOut.Location);
        Assert.Contains(browser.Visited, u => u.AbsolutePath == $"/{tenant.TenantId}/api/v1/logout");
        Assert.Equal(logoutsBefore + 1, gateway.AuthCenter.Arrivals.Snapshot().Logouts);
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.Status);
        Assert.Equal("no_session", afterLogout.Error);
    }

    [Fact]
    public async Task A_refresh_after_the_user_lost_the_grant_or_the_instance_froze_is_refused()
    {
        var tenant = await gateway.SyncTenantAsync(users: [Admin, Plain]);
        using var admin = gateway.Browser();
        using var plain = gateway.Browser();
        await admin.Go(Start(tenant.TenantId), Admin.UserName);
        await plain.Go(Start(tenant.TenantId), Plain.UserName);
        var refresh = $"/login/refresh?returnUrl={Uri.EscapeDataString(LoginGateway.ReturnUrl)}";

        await tenant.AuthorizeAsync([Plain], flag: 3);
        Assert.Equal("user_not_authorized", (await plain.Go(refresh)).Error);
        Assert.NotNull((await admin.Go(refresh)).Token);

        await Freeze(tenant);
        Assert.Equal("instance_frozen", (await admin.Go(refresh)).Error);
    }

    private async Task Freeze(LoginTenantSetup tenant) => await Marketplace(tenant, "expireInstance");

    private async Task Marketplace(LoginTenantSetup tenant, string activity, params (string, string)[] extra) =>
        Assert.Equal(ResultCodes.Success, (await new V1Client(gateway.CreateClient())
            .Call(activity, [("instanceId", tenant.InstanceId), ("orderId", tenant.OrderId), .. extra, .. tenant.Test ? [("testFlag", "1")] : Array.Empty<(string, string)>()])).ResultCode);

    [Fact]
    public async Task Logout_without_a_session_returns_to_the_application_and_refuses_a_foreign_address()
    {
        using var browser = gateway.Browser();

        var back = await browser.Go($"/logout?returnUrl={Uri.EscapeDataString(LoginGateway.ReturnUrl)}");
        var foreign = await browser.Go("/logout?returnUrl=https%3A%2F%2Fevil.example.net%2F");

        Assert.Equal(new Uri(LoginGateway.ReturnUrl), back.Location);
        Assert.Equal("return_url_not_allowed", foreign.Error);
        Assert.Null(foreign.Location);
    }
}
