using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Provisioning.Marketplace.AuthCenter;

namespace Provisioning.Gateway.Tests.Login;

/// <summary>
/// Logins started elsewhere: the unified login page (kit §D.1) and the enterprise workbench (kit §D.3), both coming back
/// with a code and the tenant; an auth center whose access tokens outlive a refresh only briefly; CAS answers asked for as JSON.
/// </summary>
public sealed class WorkbenchLoginTests(WorkbenchLoginTests.Gateway gateway) : IClassFixture<WorkbenchLoginTests.Gateway>
{
    public sealed class Gateway : LoginGateway
    {
        protected override FakeAuthCenterOptions AuthCenterOptions => base.AuthCenterOptions with { AccessTokenLifetime = TimeSpan.FromSeconds(30) };

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["Login:UseUnifiedLogin"] = "true",
            ["Login:AcceptWorkbenchLogins"] = "true",
            ["Login:DefaultReturnUrl"] = ReturnUrl,
            ["KooGallery:Login:UnifiedLoginUrl"] = "https://unified.example.com/unified-login/",
            ["Login:CasFormat"] = "Json",
        };
    }

    private static readonly TenantUserSetup Admin = new("zhangsan01", "Zhang San", Admin: true);

    // What the unified login page or the workbench does: the authorization at the tenant's auth center, back to our callback.
    private async Task<Uri> AuthorizeElsewhere(string tenantId, string user)
    {
        using var outside = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorize = QueryHelpers.AddQueryString(gateway.AuthCenter.DomainName(tenantId) + "/api/v1/oauth2/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = LoginGateway.ClientId, ["redirect_uri"] = "http://localhost/login/callback", ["response_type"] = "code", [AuthCenterPaths.UserParameter] = user,
        });
        var answer = await outside.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.Location!;
    }

    [Fact]
    public async Task The_unified_login_page_is_sent_the_app_id_and_its_callback_is_admitted_in_the_same_browser()
    {
        var tenant = await gateway.SyncTenantAsync(users: [Admin]);
        using var browser = gateway.Browser();

        var unified = await browser.RedirectOf($"/login/{tenant.TenantId}");
        var outcome = await browser.Go((await AuthorizeElsewhere(tenant.TenantId, Admin.UserName)).PathAndQuery);

        Assert.Equal($"https://unified.example.com/unified-login/#/portal-login?ind=UNOP&appId={LoginGateway.AppId}", unified.AbsoluteUri);
        Assert.StartsWith(LoginGateway.ReturnUrl + "&token=", outcome.Location!.AbsoluteUri);
    }

    [Fact]
    public async Task A_workbench_login_without_an_attempt_returns_to_the_default_address_but_a_stated_one_needs_its_browser()
    {
        var tenant = await gateway.SyncTenantAsync(users: [Admin]);
        using var browser = gateway.Browser();

        var workbench = await browser.Go((await AuthorizeElsewhere(tenant.TenantId, Admin.UserName)).PathAndQuery);
        var withState = await browser.Go((await AuthorizeElsewhere(tenant.TenantId, Admin.UserName)).PathAndQuery + "&state=abc123");

        Assert.Equal(tenant.TenantId, workbench.Jwt.GetClaim("tenant").Value);
        Assert.Equal("state_mismatch", withState.Error);
    }

    [Fact]
    public async Task A_refresh_after_the_access_token_is_due_renews_it_with_the_refresh_token()
    {
        var tenant = await gateway.SyncTenantAsync(users: [Admin]);
        using var browser = gateway.Browser();
        await browser.Go((await AuthorizeElsewhere(tenant.TenantId, Admin.UserName)).PathAndQuery);
        var before = gateway.AuthCenter.Arrivals.Snapshot().TokenRequests.GetValueOrDefault("refresh_token");

        var refreshed = await browser.Go("/login/refresh");

        Assert.NotNull(refreshed.Token);
        Assert.Equal(before + 1, gateway.AuthCenter.Arrivals.Snapshot().TokenRequests.GetValueOrDefault("refresh_token"));
    }

    [Fact]
    public async Task A_CAS_ticket_is_validated_in_the_JSON_form_when_configured()
    {
        var tenant = await gateway.SyncTenantAsync(users: [Admin]);
        using var browser = gateway.Browser();

        var outcome = await browser.Go($"/login/cas/{tenant.TenantId}", Admin.UserName);

        Assert.Equal("cas", outcome.Jwt.GetClaim("auth").Value);
        Assert.Equal(1, gateway.AuthCenter.Arrivals.Snapshot().TicketValidations.GetValueOrDefault("JSON"));
    }
}
