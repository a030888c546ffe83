using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Provisioning.Grains.Licenses;
using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Testing;
using static Provisioning.Testing.ScriptedActivationCodes;

namespace Provisioning.Gateway.Tests.SellerApi;

/// <summary>The seller's software asks <c>/api/licenses/{code}/…</c> whether it may run.</summary>
[Collection(GatewayCollection.Name)]
public sealed class LicenseApiTests(GatewayFactory factory)
{
    private readonly HttpClient _http = factory.CreateClient();

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? json = null, string key = GatewayFactory.SellerLicenseKey)
    {
        using var request = new HttpRequestMessage(method, path) { Headers = { { "X-Api-Key", key } } };
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return await _http.SendAsync(request);
    }

    private async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> Activate(string code) => await Ok(await Send(HttpMethod.Post, $"/api/licenses/{code}/activate"));

    private async Task<JsonElement> Status(string code) => await Ok(await Send(HttpMethod.Get, $"/api/licenses/{code}/status"));

    [Fact]
    public async Task Activation_answers_that_the_software_may_run_until_the_queried_expiry()
    {
        var code = NewCode();
        var expiry = new DateTimeOffset(2030, 3, 17, 14, 42, 37, TimeSpan.Zero);
        ScriptQuery(code, () => Alive(expiry));

        var activated = await Activate(code);
        var status = await Status(code);

        Assert.True(activated.GetProperty("mayRun").GetBoolean());
        Assert.Equal("active", activated.GetProperty("status").GetString());
        Assert.Equal(expiry, activated.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal("00301-123456-0--0", activated.GetProperty("productId").GetString());
        Assert.Equal(activated.GetProperty("lastCheckedAt").GetDateTimeOffset().AddDays(7), activated.GetProperty("offlineUntil").GetDateTimeOffset());
        Assert.Contains("Licensed until 2030-03-17", activated.GetProperty("message").GetString());
        Assert.Equal(activated.GetRawText(), status.GetRawText());
        Assert.Equal(1, QueriesOf(code));
    }

    [Fact]
    public async Task An_effective_time_is_passed_to_the_activation()
    {
        var code = NewCode();

        using var response = await Send(HttpMethod.Post, $"/api/licenses/{code}/activate", """{"effectiveAt":"2026-03-17T14:42:37Z"}""");

        Assert.True((await Ok(response)).GetProperty("mayRun").GetBoolean());
    }

    [Theory]
    [InlineData(CodeCheckOutcome.NotClaimed, "92020004", HttpStatusCode.Conflict, "买家中心 > 服务监管")]
    [InlineData(CodeCheckOutcome.NotFound, "92020005", HttpStatusCode.NotFound, "no such code")]
    [InlineData(CodeCheckOutcome.Unavailable, "", HttpStatusCode.ServiceUnavailable, "try again later")]
    public async Task A_failed_activation_is_a_problem_with_a_message_for_the_user(CodeCheckOutcome outcome, string resultCode, HttpStatusCode status, string message)
    {
        var code = NewCode();
        ScriptActivation(code, () => Answer(outcome, resultCode));

        using var response = await Send(HttpMethod.Post, $"/api/licenses/{code}/activate");

        Assert.Contains(message, await Problem.Detail(response, status));
    }

    [Fact]
    public async Task A_code_never_activated_has_no_status()
    {
        var code = NewCode();

        using var response = await Send(HttpMethod.Get, $"/api/licenses/{code}/status");

        Assert.Contains("activate", await Problem.Detail(response, HttpStatusCode.NotFound));
        Assert.Equal(0, QueriesOf(code));
    }

    [Fact]
    public async Task A_frozen_code_may_not_run_and_a_renewal_lets_it_run_again()
    {
        var code = NewCode();
        await Activate(code);
        var marketplace = new V2Client(factory.CreateClient(), GatewayFactory.LicenseAccessKey);

        await marketplace.Call("updateLicenseCodeStatus", ("license", code), ("status", "FREEZE"));
        var frozen = await Status(code);
        using var usage = await Send(HttpMethod.Post, $"/api/licenses/{code}/usage", """{"activeCount":3}""");
        await marketplace.Call("refreshLicenseCode", ("scene", "RENEWAL"), ("orderId", "CS-" + code), ("orderLineId", "CS-" + code + "-000001"), ("license", code),
            ("expireTime", KooGalleryTime.FormatSeconds(DateTimeOffset.UtcNow.AddYears(2))));
        var renewed = await Status(code);

        Assert.False(frozen.GetProperty("mayRun").GetBoolean());
        Assert.Equal("frozen", frozen.GetProperty("status").GetString());
        Assert.Contains("renew it on Huawei Cloud KooGallery", frozen.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, frozen.GetProperty("offlineUntil").ValueKind);
        Assert.Contains("not active", await Problem.Detail(usage, HttpStatusCode.Conflict));
        Assert.True(renewed.GetProperty("mayRun").GetBoolean());
        Assert.Equal(2, QueriesOf(code));
    }

    [Fact]
    public async Task A_released_code_may_not_run_and_activating_it_again_does_not_ask_the_marketplace()
    {
        var code = NewCode();
        await Activate(code);
        await new V2Client(factory.CreateClient(), GatewayFactory.LicenseAccessKey).Call("releaseLicenseCode", ("license", code));

        var status = await Status(code);
        var again = await Activate(code);

        Assert.False(status.GetProperty("mayRun").GetBoolean());
        Assert.Equal("released", status.GetProperty("status").GetString());
        Assert.Equal("released", again.GetProperty("status").GetString());
        Assert.Equal(1, ActivationsOf(code));
    }

    [Fact]
    public async Task Usage_of_an_active_code_is_forwarded()
    {
        var code = NewCode();
        await Activate(code);

        using var byUsers = await Send(HttpMethod.Post, $"/api/licenses/{code}/usage", """{"userIds":["user-001","user-002"]}""");
        using var byCount = await Send(HttpMethod.Post, $"/api/licenses/{code}/usage", """{"activeCount":5}""");

        Assert.Equal(HttpStatusCode.OK, byUsers.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byCount.StatusCode);
        Assert.Equal([["user-001", "user-002"], []], UsageOf(code).Select(u => u.UserIds));
        Assert.Equal([null, 5], UsageOf(code).Select(u => u.ActiveCount));
    }

    [Theory]
    [InlineData("""{"userIds":["u"],"activeCount":1}""", "exactly one")]
    [InlineData("""{}""", "exactly one")]
    [InlineData("""{"activeCount":-1}""", "at least 0")]
    [InlineData("""{"userIds":[]}""", "1 to 1000 ids")]
    [InlineData("""{"userIds":[""]}""", "1 to 256 characters")]
    [InlineData("""{"activeCount":1,"activeCount":2}""", "appears more than once")]
    [InlineData("""[1]""", "not a JSON object")]
    [InlineData("""{"activeCount":""", "not JSON")]
    public async Task A_bad_usage_body_is_a_400_problem_and_nothing_is_sent(string json, string problem)
    {
        var code = NewCode();
        await Activate(code);

        using var response = await Send(HttpMethod.Post, $"/api/licenses/{code}/usage", json);

        Assert.Contains(problem, await Problem.Detail(response, HttpStatusCode.BadRequest));
        Assert.Empty(UsageOf(code));
    }

    [Fact]
    public async Task A_bad_effective_time_or_code_is_a_400_problem_and_nothing_is_activated()
    {
        var code = NewCode();

        using var badTime = await Send(HttpMethod.Post, $"/api/licenses/{code}/activate", """{"effectiveAt":"tomorrow"}""");
        using var badCode = await Send(HttpMethod.Post, $"/api/licenses/{new string('P', 65)}/activate");

        Assert.Contains("effectiveAt", await Problem.Detail(badTime, HttpStatusCode.BadRequest));
        Assert.Contains("64", await Problem.Detail(badCode, HttpStatusCode.BadRequest));
        Assert.Equal(0, ActivationsOf(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(GatewayFactory.SellerApiKey)]
    [InlineData(GatewayFactory.SellerUsageKey)]
    public async Task Only_the_license_or_admin_key_may_call(string? key)
    {
        var code = NewCode();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/licenses/{code}/activate");
        if (key is not null) request.Headers.Add("X-Api-Key", key);

        using var refused = await _http.SendAsync(request);
        using var admin = await Send(HttpMethod.Get, $"/api/licenses/{code}/status", key: GatewayFactory.SellerAdminKey);

        await Problem.Detail(refused, HttpStatusCode.Unauthorized);
        Assert.Equal(0, ActivationsOf(code));
        await Problem.Detail(admin, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_License_key_opens_no_other_endpoint()
    {
        using var response = await Send(HttpMethod.Get, "/api/instances");

        await Problem.Detail(response, HttpStatusCode.Unauthorized);
    }
}
