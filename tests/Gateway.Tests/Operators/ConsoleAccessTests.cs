using System.Net;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.Operators;

/// <summary>Who may see and change what in the operator console (issue 16, item 2), spoken to as a browser would, without one.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ConsoleAccessTests(GatewayFactory factory)
{
    private HttpClient Browser() => ConsoleSession.Browser(factory);

    private static Task<string> Token(HttpClient browser, string path) => ConsoleSession.Token(browser, path);

    private static Task<HttpResponseMessage> SignIn(HttpClient browser, string key) => ConsoleSession.SignIn(browser, key);

    [Theory]
    [InlineData("/console")]
    [InlineData("/console/instances")]
    [InlineData("/console/webhooks")]
    [InlineData("/console/tenants")]
    [InlineData("/console/usage")]
    [InlineData("/console/licenses")]
    [InlineData("/console/dashboard/")]
    public async Task Every_page_sends_a_browser_without_the_session_to_sign_in(string path)
    {
        using var response = await Browser().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/console/signin", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_and_the_admin_key_is_exchanged_for_an_HttpOnly_strict_cookie()
    {
        using var browser = Browser();

        using var refused = await SignIn(browser, "not-a-key");
        using var admitted = await SignIn(browser, GatewayFactory.SellerAdminKey);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("The key is not valid", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
        var cookie = Assert.Single(admitted.Headers.GetValues("Set-Cookie"), c => c.StartsWith("console_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<h1>Overview</h1>", await browser.GetStringAsync("/console"));
    }

    [Fact]
    public async Task The_Orleans_dashboard_is_served_under_the_console_to_a_read_only_operator_too()
    {
        using var browser = Browser();
        await SignIn(browser, GatewayFactory.SellerApiKey);

        var dashboard = await browser.GetStringAsync("/console/dashboard/");

        Assert.Contains("<title>Orleans Dashboard</title>", dashboard);
        Assert.Contains("href=\"/console/dashboard/\"", await browser.GetStringAsync("/console"));
    }

    [Fact]
    public async Task A_post_without_its_anti_forgery_token_is_refused()
    {
        using var browser = Browser();
        await SignIn(browser, GatewayFactory.SellerAdminKey);

        using var forged = await browser.PostAsync("/console/webhooks?handler=Redrive&eventId=evt_1", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task A_read_only_operator_sees_no_buttons_and_cannot_re_drive()
    {
        using var browser = Browser();
        await SignIn(browser, GatewayFactory.SellerApiKey);

        var page = await browser.GetStringAsync("/console/webhooks");
        using var redrive = await browser.PostAsync("/console/webhooks?handler=Redrive&eventId=evt_1",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await Token(browser, "/console/webhooks") }));

        Assert.Contains("read-only operator", page);
        Assert.DoesNotContain("Re-drive", page);
        Assert.Equal(HttpStatusCode.Forbidden, redrive.StatusCode);
    }

    [Fact]
    public async Task The_instance_pages_agree_with_the_marketplace_calls_and_show_no_key()
    {
        var orderId = V1Orders.NewOrderId();
        var opened = await new V1Client(factory.CreateClient()).Call("newInstance", V1Orders.NewInstance(orderId));
        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        var id = opened["instanceId"]!;
        Assert.Equal(ResultCodes.Success, (await new V1Client(factory.CreateClient()).Call("expireInstance", ("instanceId", id), ("orderId", orderId))).ResultCode);
        using var browser = Browser();
        await SignIn(browser, GatewayFactory.SellerAdminKey);

        var frozen = await browser.GetStringAsync("/console/instances?status=frozen&customer=68cbc86abc2018ab880d92f36422fa0e");
        var active = await browser.GetStringAsync("/console/instances?status=active&customer=68cbc86abc2018ab880d92f36422fa0e");
        var instance = await browser.GetStringAsync($"/console/instances/{id}");
        var overview = await browser.GetStringAsync("/console");

        Assert.Contains($"data-instance-id=\"{id}\"", frozen);
        Assert.DoesNotContain($"data-instance-id=\"{id}\"", active);
        Assert.Contains("<td id=\"status\">frozen</td>", instance);
        Assert.Contains("newInstance", instance);
        Assert.Contains("expireInstance", instance);
        Assert.Matches("<tr><td>live</td><td>frozen</td><td>[1-9]", overview);
        Assert.Matches("<tr><td>live</td><td>expireInstance</td><td>000000</td><td>[1-9]", overview);
        foreach (var page in new[] { frozen, active, instance, overview })
        {
            Assert.DoesNotContain(GatewayFactory.SellerAdminKey, page);
            Assert.DoesNotContain(GatewayFactory.SellerApiKey, page);
            Assert.DoesNotContain(GatewayFactory.Key, page);
        }
    }
}
