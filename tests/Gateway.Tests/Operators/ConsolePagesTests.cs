using System.Text.RegularExpressions;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Kit;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.Operators;

/// <summary>The tenant, usage and License code pages agree with what was synced and reported, and show no secret or contact data.</summary>
[Collection(GatewayCollection.Name)]
public sealed partial class ConsolePagesTests(GatewayFactory factory)
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private async Task<HttpClient> Operator()
    {
        var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var token = AntiforgeryToken().Match(await browser.GetStringAsync("/console/signin")).Groups[1].Value;
        using var signedIn = await browser.PostAsync("/console/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key"] = GatewayFactory.SellerAdminKey, ["__RequestVerificationToken"] = token,
        }));
        return browser;
    }

    [Fact]
    public async Task A_tenant_page_shows_profile_clients_users_and_departments_but_no_secret_phone_or_mail()
    {
        var tenantId = Guid.NewGuid().ToString("N");
        var kit = new KitClient(factory.CreateClient(), KitGeneration.V2);
        Assert.Equal(ResultCodes.Success, (await kit.Sync("tenantSync", new
        {
            instanceId = "i-console", orderId = "CS1906666666ABCDE", tenantId, tenantCode = "huawei", name = "Console Tenant",
            domainName = "https://auth.example.com", flag = 1, testFlag = 0, timeStamp = KitMarketplace.Stamp(),
        })).ResultCode);
        Assert.Equal(ResultCodes.Success, (await kit.Sync("applicationSync", new
        {
            instanceId = "i-console", tenantId, appId = "app-1", clientId = "client-console", clientSecret = KitClient.EncryptSecret("very-secret-value"),
            flag = 1, testFlag = 0, timeStamp = KitMarketplace.Stamp(),
        })).ResultCode);
        Assert.Equal(ResultCodes.Success, (await kit.Sync("authSync", new
        {
            instanceId = "i-console", tenantId, appId = "app-1",
            userList = new[] { new { userName = "zhangsan01", name = "Zhang San", orgCode = "10002", role = "admin", enable = "true", mobile = "13800138000", email = "zhang@example.com" } },
            currentSyncTime = KitMarketplace.Stamp(DateTimeOffset.UtcNow), flag = 1, testFlag = 0, timeStamp = KitMarketplace.Stamp(),
        })).ResultCode);
        Assert.Equal(ResultCodes.Success, (await kit.Sync("allOrgSync", new
        {
            instanceId = "i-console", tenantId, testFlag = 0, timeStamp = KitMarketplace.Stamp(),
            orgInfoList = new[] { new { orgCode = "10001", orgName = "R&D", parentCode = "" }, new { orgCode = "10002", orgName = "Platform", parentCode = "10001" } },
        })).ResultCode);
        using var browser = await Operator();

        var page = await browser.GetStringAsync($"/console/tenants/{tenantId}");

        Assert.Contains("Console Tenant", page);
        Assert.Contains("client-console", page);
        Assert.Contains("zhangsan01", page);
        Assert.Matches("R&amp;D[^<]*<span[^>]*>10001</span>\\s*<ul>\\s*<li>Platform", page);
        Assert.DoesNotContain("very-secret-value", page);
        Assert.DoesNotContain("13800138000", page);
        Assert.DoesNotContain("zhang@example.com", page);
    }

    [Fact]
    public async Task The_usage_page_shows_an_instances_recorded_hours_and_the_lag()
    {
        var opened = await new V1Client(factory.CreateClient()).Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId(), chargingMode: "0"));
        var id = opened["instanceId"]!;
        var results = await new UsageClient(factory.CreateClient()).Report(UsageClient.Event("ev-" + Guid.NewGuid().ToString("N"), id, 2.5m, DateTimeOffset.UtcNow));
        Assert.Equal("accepted", Assert.Single(results).Status);
        using var browser = await Operator();

        var page = await browser.GetStringAsync($"/console/usage?instanceId={id}");

        Assert.Contains($"Instance {id}, by hour", page);
        Assert.Matches("<table id=\"hours\">[\\s\\S]*<td>2.5</td>", page);
        Assert.Contains("<svg id=\"usage-chart\"", page);
        Assert.Contains("id=\"lag\"", page);
    }

    [Fact]
    public async Task A_license_code_never_seen_reads_as_not_activated()
    {
        using var browser = await Operator();

        var page = await browser.GetStringAsync("/console/licenses?code=NO-SUCH-CODE-" + Guid.NewGuid().ToString("N"));

        Assert.Contains("<td id=\"code-state\">NotActivated</td>", page);
    }
}
