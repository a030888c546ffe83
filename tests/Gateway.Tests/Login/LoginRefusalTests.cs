using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Tenants;
using Provisioning.KooGallery;
using Provisioning.Marketplace.AuthCenter;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.Login;

/// <summary>Every login the gateway must refuse, with the code a buyer or seller acts on, and what its log never holds (issue 15, item 3).</summary>
public sealed class LoginRefusalTests(LoginGateway gateway) : IClassFixture<LoginGateway>
{
    private static readonly TenantUserSetup Admin = new("zhangsan01", "Zhang San", Admin: true);

    private static string Start(string tenantId, string returnUrl = LoginGateway.ReturnUrl, string path = "/login") =>
        $"{path}/{tenantId}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    private static void Refused(LoginOutcome outcome, HttpStatusCode status, string error)
    {
        Assert.Equal(error, outcome.Error);
        Assert.Equal(status, outcome.Status);
        Assert.Null(outcome.Location);
        Assert.Contains(error, outcome.Body);
    }

    private Task Marketplace(LoginTenantSetup tenant, string activity, string? orderId = null, params (string, string)[] extra) =>
        LoginGateway.Synced(new V1Client(gateway.CreateClient()).Call(activity, [("instanceId", tenant.InstanceId), ("orderId", orderId ?? tenant.OrderId), .. extra]));

    [Fact]
    public async Task An_unknown_tenant_is_refused_before_the_browser_leaves_and_counted()
    {
        using var browser = gateway.Browser();
        using var outcomes = new MetricCollector<long>(gateway.Services.GetRequiredService<IMeterFactory>(), "Provisioning.Gateway.Login", "login.outcomes");

        var outcome = await browser.Go(Start("no-such-tenant-" + Guid.NewGuid().ToString("N")));

        Refused(outcome, HttpStatusCode.NotFound, "unknown_tenant");
        Assert.Single(browser.Visited);
        Assert.Contains(outcomes.GetMeasurementSnapshot(), m => m.Tags["step"] as string == "start" && m.Tags["outcome"] as string == "unknown_tenant");
    }

    [Theory]
    [InlineData("https://evil.example.net/welcome")]
    [InlineData("https://app.example.com.evil.example.net/")]
    [InlineData("http://app.example.com/welcome")]
    [InlineData("https://user@app.example.com/welcome")]
    [InlineData("/welcome")]
    [InlineData("")]
    public async Task A_return_address_outside_the_application_is_refused_without_a_redirect(string returnUrl)
    {
        var tenant = await gateway.SyncTenantAsync(users: [Admin]);
        using var browser = gateway.Browser();

        Refused(await browser.Go(Start(tenant.TenantId, returnUrl)), HttpStatusCode.BadRequest, "return_url_not_allowed");
    }

    [Fact]
    public async Task A_refusal_asked_for_as_JSON_names_the_error_and_what_to_check()
    {
        using var browser = gateway.Browser();

        var outcome = await browser.Go(Start("no-such-tenant"), accept: "application/json");

        using var body = JsonDocument.Parse(outcome.Body);
        Assert.Equal("unknown_tenant", body.RootElement.GetProperty("error").GetString());
        Assert.Contains("tenantSync", body.RootElement.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task A_forged_state_a_callback_from_another_browser_and_a_replayed_callback_are_refused()
    {
        var tenant = await gateway.SyncTenantAsync(users: [Admin]);
        using var browser = gateway.Browser();
        using var other = gateway.Browser();
        var callback = await FollowToCallback(await browser.RedirectOf(Start(tenant.TenantId)), Admin.UserName);
        var forged = new Uri(QueryHelpers.AddQueryString(callback.GetLeftPart(UriPartial.Path), new Dictionary<string, string?>
        {
            ["code"] = QueryHelpers.ParseQuery(callback.Query)["code"], ["state"] = "0123456789abcdef0123456789abcdef", ["tenant"] = tenant.TenantId,
        }));

        Refused(await other.Go(callback.PathAndQuery), HttpStatusCode.BadRequest, "state_mismatch");
        Refused(await browser.Go(forged.PathAndQuery), HttpStatusCode.BadRequest, "state_mismatch");
        Refused(await browser.Go(callback.PathAndQuery), HttpStatusCode.BadRequest, "state_mismatch");
    }

    [Fact]
    public async Task A_code_already_redeemed_is_refused_by_the_auth_center_even_under_a_fresh_state()
    {
        var tenant = await gateway.SyncTenantAsync(users: [Admin]);
        using var browser = gateway.Browser();
        var first = await FollowToCallback(await browser.RedirectOf(Start(tenant.TenantId)), Admin.UserName);
        Assert.NotNull((await browser.Go(first.PathAndQuery)).Token);
        var second = await FollowToCallback(await browser.RedirectOf(Start(tenant.TenantId)), Admin.UserName);
        var replayed = QueryHelpers.AddQueryString(second.AbsolutePath, new Dictionary<string, string?>
        {
            ["code"] = QueryHelpers.ParseQuery(first.Query)["code"], ["state"] = QueryHelpers.ParseQuery(second.Query)["state"], ["tenant"] = tenant.TenantId,
        });
        var redeemedTwice = gateway.AuthCenter.Arrivals.Snapshot().CodesRedeemedTwice;

        Refused(await browser.Go(replayed), HttpStatusCode.BadRequest, "code_rejected");
        Assert.Equal(redeemedTwice + 1, gateway.AuthCenter.Arrivals.Snapshot().CodesRedeemedTwice);
    }

    [Fact]
    public async Task Users_authSync_never_named_disabled_or_withdrew_are_refused()
    {
        var stranger = new TenantUserSetup("wangwu", "Wang Wu", Synced: false);
        var disabled = new TenantUserSetup("zhaoliu", "Zhao Liu", Enabled: false);
        var withdrawn = new TenantUserSetup("sunqi", "Sun Qi");
        var tenant = await gateway.SyncTenantAsync(users: [Admin, stranger, disabled, withdrawn]);
        await tenant.AuthorizeAsync([withdrawn], flag: 3);
        using var browser = gateway.Browser();

        Refused(await browser.Go(Start(tenant.TenantId), stranger.UserName), HttpStatusCode.Forbidden, "user_not_authorized");
        Refused(await browser.Go(Start(tenant.TenantId), disabled.UserName), HttpStatusCode.Forbidden, "user_disabled");
        Refused(await browser.Go(Start(tenant.TenantId), withdrawn.UserName), HttpStatusCode.Forbidden, "user_not_authorized");
        Assert.NotNull((await browser.Go(Start(tenant.TenantId), Admin.UserName)).Token);
    }

    [Fact]
    public async Task A_frozen_instance_is_refused_until_renewed_and_a_released_one_for_good()
    {
        var tenant = await gateway.SyncTenantAsync(users: [Admin]);
        using var browser = gateway.Browser();

        await Marketplace(tenant, "expireInstance");
        Refused(await browser.Go(Start(tenant.TenantId), Admin.UserName), HttpStatusCode.Forbidden, "instance_frozen");
        Refused(await browser.Go(Start(tenant.TenantId, path: "/login/cas"), Admin.UserName), HttpStatusCode.Forbidden, "instance_frozen");
        await Marketplace(tenant, "refreshInstance", "R-" + tenant.OrderId, ("expireTime", "20290131235959"));
        Assert.NotNull((await browser.Go(Start(tenant.TenantId), Admin.UserName)).Token);
        await Marketplace(tenant, "releaseInstance");
        Refused(await browser.Go(Start(tenant.TenantId), Admin.UserName), HttpStatusCode.Forbidden, "instance_released");
    }

    [Fact]
    public async Task A_tenant_without_a_client_or_with_a_secret_for_another_key_is_refused_before_the_browser_leaves()
    {
        var withoutClient = await gateway.SyncTenantAsync(withApplication: false, users: [Admin]);
        var keyChanged = await gateway.SyncTenantAsync(users: [Admin]);
        // The secret was stored while the seller had another KitPrivateKey (applicationSync itself refuses one it cannot decrypt).
        using var otherKey = RSA.Create(3072);
        var sealedForOther = Convert.ToBase64String(otherKey.Encrypt("plain"u8.ToArray(), RSAEncryptionPadding.OaepSHA1));
        await gateway.Services.GetRequiredService<IGrainFactory>().GetTenant(new TenantAddress(keyChanged.TenantId, Traffic.Live))
            .SyncApplication(new ApplicationSync(keyChanged.InstanceId, LoginGateway.AppId, LoginGateway.ClientId, sealedForOther, SyncAction.Modify));
        using var browser = gateway.Browser();

        Refused(await browser.Go(Start(withoutClient.TenantId)), HttpStatusCode.Conflict, "no_app_credentials");
        var undecryptable = await browser.Go(Start(keyChanged.TenantId));
        Refused(undecryptable, HttpStatusCode.InternalServerError, "secret_undecryptable");
        Assert.Contains("KooGallery:KitPrivateKey", undecryptable.Body);
    }

    [Fact]
    public async Task An_auth_center_refusing_the_client_or_failing_is_named_and_nothing_is_admitted()
    {
        var tenant = await gateway.SyncTenantAsync(users: [Admin]);
        using var browser = gateway.Browser();

        gateway.AuthCenter.Faults.InjectToken(TokenFault.InvalidClient, 1);
        var invalidClient = await browser.Go(Start(tenant.TenantId), Admin.UserName);
        gateway.AuthCenter.Faults.InjectToken(TokenFault.Error, 1);
        var failing = await browser.Go(Start(tenant.TenantId), Admin.UserName);
        gateway.AuthCenter.Faults.InjectToken(TokenFault.Slow, 1);
        var slow = await browser.Go(Start(tenant.TenantId), Admin.UserName);
        gateway.AuthCenter.Faults.InjectUserinfo(1);
        var userinfo = await browser.Go(Start(tenant.TenantId), Admin.UserName);

        Refused(invalidClient, HttpStatusCode.BadGateway, "invalid_client");
        Assert.Contains("decrypted", invalidClient.Body);
        Refused(failing, HttpStatusCode.BadGateway, "auth_center_unavailable");
        Refused(slow, HttpStatusCode.BadGateway, "auth_center_unavailable");
        Refused(userinfo, HttpStatusCode.BadGateway, "auth_center_unavailable");
        var recovered = await browser.Go(Start(tenant.TenantId), Admin.UserName);
        Assert.True(recovered.Token is not null, $"{recovered.Status} {recovered.Error} {recovered.Body}");
    }

    [Fact]
    public async Task The_log_names_tenant_and_reason_but_no_code_token_secret_or_personal_data()
    {
        var secretive = new TenantUserSetup("secretive.login.name", "Very Personal Name", Admin: true);
        var tenant = await gateway.SyncTenantAsync(users: [secretive]);
        using var browser = gateway.Browser();
        var callback = await FollowToCallback(await browser.RedirectOf(Start(tenant.TenantId)), secretive.UserName);
        var admitted = await browser.Go(callback.PathAndQuery);
        var replay = await browser.Go(callback.PathAndQuery);
        var code = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        var state = QueryHelpers.ParseQuery(callback.Query)["state"].ToString();
        using var casBrowser = gateway.Browser();
        var cas = await casBrowser.Go(Start(tenant.TenantId, path: "/login/cas"), secretive.UserName);
        var ticket = QueryHelpers.ParseQuery(casBrowser.Visited.Single(u => u.AbsolutePath == "/login/cas/callback").Query)["ticket"].ToString();

        var lines = gateway.Log.Select(r => r.Message + " " + r.Exception).ToArray();
        Assert.NotNull(admitted.Token);
        Assert.Equal("state_mismatch", replay.Error);
        Assert.Contains(lines, l => l.Contains(tenant.TenantId, StringComparison.Ordinal) && l.Contains("state_mismatch", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(tenant.TenantId, StringComparison.Ordinal) && l.Contains("admitted", StringComparison.Ordinal));
        Assert.NotNull(cas.Token);
        foreach (var forbidden in new[] { code, state, ticket, admitted.Token!, cas.Token!, tenant.Secret, secretive.UserName, secretive.Name })
        {
            Assert.DoesNotContain(lines, l => l.Contains(forbidden, StringComparison.Ordinal));
        }
    }

    // The gateway's redirect to the auth center, followed there (as the user) up to the redirect back to the callback.
    private async Task<Uri> FollowToCallback(Uri authorize, string user)
    {
        using var outside = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await outside.GetAsync(QueryHelpers.AddQueryString(authorize.AbsoluteUri, AuthCenterPaths.UserParameter, user));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.Location!;
    }
}
