using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Provisioning.KooGallery.OpenApi;
using Provisioning.KooGallery.OpenApi.Licenses;
using Provisioning.Marketplace.OpenApi;

namespace Provisioning.Simulator.Tests;

/// <summary>The fake's activation code APIs on the wire, signed by hand, and driven through its control client.</summary>
public sealed class FakeLicenseApiTests : IAsyncLifetime
{
    private const string Ak = "FAKEAKFAKEAKFAKEAK00";
    private const string Sk = "fake-secret-key";

    private static readonly DateTimeOffset Expiry = new(2031, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private FakeOpenApi _api = null!;
    private HttpClient _http = null!;
    private FakeOpenApiControl _control = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeOpenApi.StartAsync(new FakeOpenApiOptions(0, Ak, Sk, "basic-access-key") { TimeoutHold = TimeSpan.FromSeconds(5) });
        _http = new HttpClient { BaseAddress = _api.BaseUrl };
        _control = new FakeOpenApiControl(_http);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _api.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonElement Answer)> Post(string path, string body, string secretKey = Sk)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_api.BaseUrl, path))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        await new ApiGatewaySigner(Ak, secretKey).SignAsync(request, DateTimeOffset.UtcNow, CancellationToken.None);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string Code(JsonElement answer) => answer.GetProperty("error_code").GetString()!;

    private Task<(HttpStatusCode Status, JsonElement Answer)> Activate(string code) =>
        Post(ActivationCodeClient.ActivatePath, $$"""{"license":"{{code}}","real_effect_time":"20260101000000"}""");

    private Task<(HttpStatusCode Status, JsonElement Answer)> Query(string code) => Post(ActivationCodeClient.QueryPath, $$"""{"license":"{{code}}"}""");

    private Task AddCode(string code, bool claimed = true, bool activated = false) =>
        _control.AddCode(code, new CodeScript(claimed, activated, ExpireTime: Expiry, ProductId: "00301-1-0--0", OrderId: "CS-1", Amount: 2));

    [Theory]
    [InlineData(ActivationCodeClient.ActivatePath)]
    [InlineData(ActivationCodeClient.ActivateListPath)]
    [InlineData(ActivationCodeClient.QueryPath)]
    [InlineData(ActivationCodeClient.QueryListPath)]
    [InlineData(SoftwareUsageClient.Path)]
    public async Task A_call_signed_with_another_secret_key_is_refused_like_the_api_gateway_does(string path)
    {
        await AddCode("PL-1", activated: true);

        var (status, answer) = await Post(path, """{"license":"PL-1","license_list":["PL-1"]}""", secretKey: "wrong");

        Assert.Equal((HttpStatusCode.Unauthorized, "APIGW.0303"), (status, Code(answer)));
        Assert.Equal(1, _api.Codes.BadSignatures);
        Assert.Equal(0, (await _control.Code("PL-1"))!.Queries);
    }

    [Fact]
    public async Task An_activation_answers_its_code_info_as_a_json_string_and_a_second_one_is_an_illegal_state()
    {
        await AddCode("PL-A");

        var (status, first) = await Activate("PL-A");
        var (_, second) = await Activate("PL-A");

        Assert.Equal((HttpStatusCode.OK, "92020000"), (status, Code(first)));
        var info = JsonDocument.Parse(first.GetProperty("data").GetProperty("license_code_info").GetString()!).RootElement;
        Assert.Equal(("ALIVE", "20310506070809", "00301-1-0--0", 2, "CS-1"),
            (info.GetProperty("status").GetString(), info.GetProperty("expire_time").GetString(), info.GetProperty("product_id").GetString(),
                info.GetProperty("amount").GetInt32(), info.GetProperty("order_id").GetString()));
        Assert.Equal("92020003", Code(second));
        var trace = (await _control.Code("PL-A"))!;
        Assert.Equal((true, 1, 1, "20260101000000"), (trace.Activated, trace.Activations, trace.RefusedActivations, trace.RealEffectTime));
    }

    [Fact]
    public async Task An_activation_answers_the_scripted_estimate_and_the_query_the_code_s_expiry()
    {
        await _control.AddCode("PL-E", new CodeScript(ExpireTime: Expiry, EstimatedExpireTime: Expiry.AddDays(-3)));

        var (_, activated) = await Activate("PL-E");
        var (_, queried) = await Query("PL-E");

        var info = JsonDocument.Parse(activated.GetProperty("data").GetProperty("license_code_info").GetString()!).RootElement;
        Assert.Equal("20310503070809", info.GetProperty("expire_time").GetString());
        Assert.Equal("20310506070809", queried.GetProperty("data").GetProperty("expire_time").GetString());
    }

    [Fact]
    public async Task An_unclaimed_code_cannot_be_activated_until_the_buyer_claims_it_and_an_unknown_one_does_not_exist()
    {
        await AddCode("PL-U", claimed: false);

        var (_, unclaimed) = await Activate("PL-U");
        await _control.ChangeCode("PL-U", new CodeChange(Claimed: true));
        var (_, claimed) = await Activate("PL-U");
        var (_, unknown) = await Activate("PL-NONE");

        Assert.Equal(("92020004", "92020000", "92020005"), (Code(unclaimed), Code(claimed), Code(unknown)));
    }

    [Fact]
    public async Task A_query_before_activation_is_not_activated_and_after_it_reports_the_code_as_the_simulator_changed_it()
    {
        await AddCode("PL-Q");

        var (_, before) = await Query("PL-Q");
        await Activate("PL-Q");
        var (_, alive) = await Query("PL-Q");
        await _control.ChangeCode("PL-Q", new CodeChange(Status: CodeStatus.Expired));
        var (_, expired) = await Query("PL-Q");
        var (_, legacy) = await Post(ActivationCodeClient.QueryPath, """{"license":"PL-Q","heartbeatInfo":{"thirdPartyAccount":"acct-1","ip":"10.0.0.1"}}""");
        var (_, badLegacy) = await Post(ActivationCodeClient.QueryPath, """{"license":"PL-Q","heartbeatInfo":{"ip":"10.0.0.1"}}""");

        Assert.Equal("92020011", Code(before));
        var data = alive.GetProperty("data");
        Assert.Equal(("PL-Q", "ALIVE", "20310506070809", "CS-1"),
            (data.GetProperty("license_code").GetString(), data.GetProperty("status").GetString(), data.GetProperty("expire_time").GetString(), data.GetProperty("order_id").GetString()));
        Assert.Equal(14, data.GetProperty("activate_time").GetString()!.Length);
        Assert.Equal("EXPIRED", expired.GetProperty("data").GetProperty("status").GetString());
        Assert.Equal("92020000", Code(legacy));
        Assert.Equal("92020002", Code(badLegacy));
        var trace = (await _control.Code("PL-Q"))!;
        Assert.Equal((4, "acct-1"), (trace.Queries, trace.LastThirdPartyAccount));
    }

    [Fact]
    public async Task A_list_activation_or_query_with_a_failing_code_answers_92020020_and_lists_both()
    {
        await AddCode("PL-L1");
        await AddCode("PL-L2", claimed: false);

        var (_, activated) = await Post(ActivationCodeClient.ActivateListPath, """{"license_list":["PL-L1","PL-L2"]}""");
        var (_, queried) = await Post(ActivationCodeClient.QueryListPath, """{"license_list":["PL-L1"]}""");
        var (_, tooMany) = await Post(ActivationCodeClient.QueryListPath, JsonSerializer.Serialize(new { license_list = Enumerable.Range(0, 101).Select(i => $"PL{i}") }));

        Assert.Equal("92020020", Code(activated));
        Assert.Equal("PL-L1", activated.GetProperty("data").GetProperty("success_list")[0].GetProperty("license_code").GetString());
        var fail = activated.GetProperty("data").GetProperty("fail_list")[0];
        Assert.Equal(("PL-L2", "92020004"), (fail.GetProperty("license_code").GetString(), fail.GetProperty("error_code").GetString()));
        Assert.Equal("92020000", Code(queried));
        Assert.Equal("ALIVE", queried.GetProperty("data").GetProperty("success_list")[0].GetProperty("status").GetString());
        Assert.Equal("92020002", Code(tooMany));
    }

    [Fact]
    public async Task Usage_of_activated_codes_is_taken_and_other_codes_are_in_the_check_failure_list()
    {
        await AddCode("PL-US", activated: true);

        var (_, answer) = await Post(SoftwareUsageClient.Path,
            """{"usage_info":[{"license":"PL-US","software_usage_Info":[{"id":"u1"},{"active_num":3}]},{"license":"PL-X","software_usage_Info":[{"id":"u2"}]}]}""");
        var (_, both) = await Post(SoftwareUsageClient.Path, """{"usage_info":[{"license":"PL-US","software_usage_Info":[{"id":"u1","active_num":3}]}]}""");
        var (_, lowercase) = await Post(SoftwareUsageClient.Path, """{"usage_info":[{"license":"PL-US","software_usage_info":[{"id":"u1"}]}]}""");

        Assert.Equal("92020000", Code(answer));
        var failed = Assert.Single(answer.GetProperty("data").GetProperty("check_fail_list").EnumerateArray());
        Assert.Equal("PL-X", failed.GetProperty("license").GetString());
        Assert.Equal(("92020002", "92020002"), (Code(both), Code(lowercase)));
        var trace = (await _control.Code("PL-US"))!;
        Assert.Equal((1, "u1", (int?)3), (trace.UsageReports, Assert.Single(trace.UsageIds), trace.LastActiveNum));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_not_readable_and_a_missing_code_is_an_invalid_param()
    {
        var (status, garbage) = await Post(ActivationCodeClient.ActivatePath, "{not json");
        var (_, missing) = await Post(ActivationCodeClient.ActivatePath, """{"code":"PL-1"}""");
        var (_, badTime) = await Post(ActivationCodeClient.ActivatePath, """{"license":"PL-1","real_effect_time":"2026-01-01"}""");

        Assert.Equal((HttpStatusCode.BadRequest, "95000004"), (status, Code(garbage)));
        Assert.Equal(("92020002", "92020002"), (Code(missing), Code(badTime)));
    }

    [Fact]
    public async Task Faults_play_per_call_then_per_code_and_do_nothing_but_a_timeout()
    {
        await AddCode("PL-F");
        await _control.InjectCodeFaults(null, CodeFault.ServerError, 1);
        await _control.InjectCodeFaults("PL-F", CodeFault.InternalError, 1);
        await _control.InjectCodeFaults("PL-F", CodeFault.Unauthorized, 1);

        var (serverStatus, server) = await Activate("PL-F");
        var (internalStatus, internalError) = await Activate("PL-F");
        var (authStatus, auth) = await Activate("PL-F");
        var (_, done) = await Activate("PL-F");

        Assert.Equal((HttpStatusCode.InternalServerError, "92020001"), (serverStatus, Code(server)));
        Assert.Equal((HttpStatusCode.OK, "92020001"), (internalStatus, Code(internalError)));
        Assert.Equal((HttpStatusCode.Forbidden, "92020001"), (authStatus, Code(auth)));
        Assert.Equal("92020000", Code(done));
        Assert.Equal((1, 2), ((await _control.Code("PL-F"))!.Activations, (await _control.Code("PL-F"))!.FaultsPlayed));
    }

    [Fact]
    public async Task A_timeout_fault_activates_the_code_but_holds_the_answer_back()
    {
        await AddCode("PL-T");
        await _control.InjectCodeFaults("PL-T", CodeFault.Timeout, 1);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Activate("PL-T").WaitAsync(cancel.Token));

        Assert.True((await _control.Code("PL-T"))!.Activated);
    }

    [Fact]
    public async Task The_control_api_says_404_for_a_code_it_does_not_know()
    {
        Assert.Null(await _control.Code("PL-NEVER"));
        await Assert.ThrowsAsync<HttpRequestException>(() => _control.ChangeCode("PL-NEVER", new CodeChange(Status: CodeStatus.Released)));
        await Assert.ThrowsAsync<HttpRequestException>(() => _control.InjectCodeFaults("PL-NEVER", CodeFault.ServerError, 1));
    }
}
