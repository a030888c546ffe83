using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.KooGallery.OpenApi;
using Provisioning.KooGallery.OpenApi.Licenses;

namespace Provisioning.KooGallery.Tests.OpenApi.Licenses;

public class ActivationCodeClientTests
{
    // The spec's activation example (§B.5): license_code_info is JSON inside a string.
    private const string ActivationExample =
        """{"error_code":"92020000","error_msg":"success","data":{"license_code_info":"{\"status\":\"ALIVE\",\"expire_time\":\"20250317144237\",\"product_id\":\"00301-123456-0--0\",\"amount\":2,\"order_id\":\"CS2403171442ABCDE\"}"}}""";

    private const string QueryExample =
        """{"error_code":"92020000","error_msg":"success","data":{"license_code":"PL12345678","status":"ALIVE","activate_time":"20240317144237","expire_time":"20250317144237","future_member":{"x":1}}}""";

    private static readonly DateTimeOffset EffectiveAt = new(2024, 3, 17, 14, 42, 37, 512, TimeSpan.Zero);

    private static FakeMarketplace Answering(string json, HttpStatusCode status = HttpStatusCode.OK) => new(FakeMarketplace.Answer(status, json));

    private static Task<LicenseCodeAnswer> Activate(FakeMarketplace marketplace, IDictionary<string, string?>? settings = null) =>
        LicenseApiHost.CallAsync(marketplace, client => client.ActivateAsync("PL12345678", EffectiveAt, CancellationToken.None), settings);

    private static Task<LicenseCodeAnswer> Query(FakeMarketplace marketplace, IDictionary<string, string?>? settings = null) =>
        LicenseApiHost.CallAsync(marketplace, client => client.QueryAsync("PL12345678", null, CancellationToken.None), settings);

    [Fact]
    public async Task The_spec_activation_answer_is_read_through_its_inner_json_string()
    {
        var answer = await Activate(Answering(ActivationExample));

        Assert.Equal(new LicenseAnswer(LicenseAnswerKind.Success, "92020000", 200, "success"), answer.Answer);
        Assert.Equal(new LicenseCodeInfo(LicenseCodeStatus.Alive, "ALIVE", null, null, new DateTimeOffset(2025, 3, 17, 14, 42, 37, TimeSpan.Zero),
            "00301-123456-0--0", "CS2403171442ABCDE", 2), answer.Info);
    }

    [Fact]
    public async Task The_activation_request_is_the_exact_body_on_the_v1_path_signed_with_the_ak_sk()
    {
        var marketplace = Answering(ActivationExample);

        await Activate(marketplace);

        var request = Assert.Single(marketplace.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/license/activate", request.Uri.AbsoluteUri);
        Assert.Equal("""{"license":"PL12345678","real_effect_time":"20240317144237"}""", Encoding.UTF8.GetString(request.Body));
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.StartsWith($"SDK-HMAC-SHA256 Access={OpenApiHost.AccessKeyId}, SignedHeaders=content-type;host;x-sdk-date, Signature=", request.Headers["Authorization"]);
        Assert.True(ApiGatewaySigner.Verify(request.Method, request.Uri, request.Headers, request.Body, OpenApiHost.AccessKeyId, OpenApiHost.SecretAccessKey));
        Assert.All(request.Headers.Values, value => Assert.DoesNotContain(OpenApiHost.SecretAccessKey, value));
    }

    [Fact]
    public async Task Each_request_body_is_written_byte_for_byte_in_the_spec_field_order()
    {
        var marketplace = Answering("""{"error_code":"92020000","error_msg":"success"}""");
        await using var services = LicenseApiHost.Build(marketplace);
        var client = services.GetRequiredService<ActivationCodeClient>();

        await client.ActivateAsync("PL1", null, CancellationToken.None);
        await client.ActivateListAsync(["PL1", "PL2"], EffectiveAt, CancellationToken.None);
        await client.QueryAsync("PL1", null, CancellationToken.None);
        await client.QueryAsync("PLXXXXXX", new HeartbeatInfo("myaccount1", "192.168.1.51"), CancellationToken.None);
        await client.QueryListAsync(["PL1", "PL2"], CancellationToken.None);

        Assert.Equal(
            [
                ("/api/mkp-openapi-public/global/v1/license/activate", """{"license":"PL1"}"""),
                ("/api/mkp-openapi-public/global/v2/license/activate", """{"license_list":["PL1","PL2"],"real_effect_time":"20240317144237"}"""),
                ("/api/mkp-openapi-public/global/v1/license/heartbeat", """{"license":"PL1"}"""),
                ("/api/mkp-openapi-public/global/v1/license/heartbeat", """{"license":"PLXXXXXX","heartbeatInfo":{"thirdPartyAccount":"myaccount1","ip":"192.168.1.51"}}"""),
                ("/api/mkp-openapi-public/global/v2/license/heartbeat", """{"license_list":["PL1","PL2"]}"""),
            ],
            marketplace.Requests.Select(r => (r.Uri.AbsolutePath, Encoding.UTF8.GetString(r.Body))));
    }

    [Fact]
    public async Task The_query_answer_reads_every_member_and_ignores_unknown_ones()
    {
        var answer = await Query(Answering(QueryExample));

        Assert.True(answer.Answer.IsSuccess);
        Assert.Equal(new LicenseCodeInfo(LicenseCodeStatus.Alive, "ALIVE", "PL12345678", new DateTimeOffset(2024, 3, 17, 14, 42, 37, TimeSpan.Zero),
            new DateTimeOffset(2025, 3, 17, 14, 42, 37, TimeSpan.Zero), null, null, null), answer.Info);
    }

    [Theory]
    [InlineData("EXPIRED", LicenseCodeStatus.Expired)]
    [InlineData("RELEASED", LicenseCodeStatus.Released)]
    [InlineData("FROZEN", LicenseCodeStatus.Unknown)]
    public async Task A_query_reports_the_status_it_was_given(string status, LicenseCodeStatus expected)
    {
        var answer = await Query(Answering($$$"""{"error_code":"92020000","error_msg":"success","data":{"license_code":"PL1","status":"{{{status}}}","product_id":"p","order_id":"o","amount":"3"}}"""));

        Assert.Equal((expected, status, "p", "o", (int?)3), (answer.Info!.Status, answer.Info.StatusText, answer.Info.ProductId, answer.Info.OrderId, answer.Info.Amount));
    }

    [Theory]
    [InlineData("""{"error_code":"92020000","error_msg":"success","data":{"license_code_info":"not json"}}""", "data.license_code_info: the body is not valid JSON")]
    [InlineData("""{"error_code":"92020000","error_msg":"success","data":{"license_code_info":"{\"status\":\"ALIVE\",\"status\":\"EXPIRED\"}"}}""", "repeats the key 'status'")]
    [InlineData("""{"error_code":"92020000","error_msg":"success","data":{"license_code_info":"{\"expire_time\":\"next year\"}"}}""", "expire_time")]
    [InlineData("""{"error_code":"92020000","error_msg":"success","data":"text"}""", "data is not an object")]
    public async Task A_success_whose_code_info_cannot_be_read_is_a_failure_naming_what(string body, string problem)
    {
        var answer = await Activate(Answering(body));

        Assert.Equal((LicenseAnswerKind.Failed, "92020000", (LicenseCodeInfo?)null), (answer.Answer.Kind, answer.Answer.ErrorCode, answer.Info));
        Assert.Contains(problem, answer.Answer.Message);
    }

    [Fact]
    public async Task A_query_success_without_a_status_is_a_failure()
    {
        var answer = await Query(Answering("""{"error_code":"92020000","error_msg":"success","data":{"license_code":"PL1"}}"""));

        Assert.Equal(LicenseAnswerKind.Failed, answer.Answer.Kind);
        Assert.Contains("data.status is missing", answer.Answer.Message);
    }

    [Fact]
    public async Task An_activation_success_without_data_has_no_info()
    {
        var answer = await Activate(Answering("""{"error_code":"92020000","error_msg":"success"}"""));

        Assert.Equal((LicenseAnswerKind.Success, (LicenseCodeInfo?)null), (answer.Answer.Kind, answer.Info));
    }

    [Theory]
    [InlineData(200, "92020001", LicenseAnswerKind.InternalError, true)]
    [InlineData(500, "92020001", LicenseAnswerKind.InternalError, true)]
    [InlineData(401, "92020001", LicenseAnswerKind.Unauthorized, false)]
    [InlineData(403, "92020001", LicenseAnswerKind.Unauthorized, false)]
    [InlineData(200, "92020002", LicenseAnswerKind.InvalidRequest, false)]
    [InlineData(400, "92020002", LicenseAnswerKind.InvalidRequest, false)]
    [InlineData(200, "92020003", LicenseAnswerKind.IllegalState, false)]
    [InlineData(200, "92020004", LicenseAnswerKind.NotClaimed, false)]
    [InlineData(200, "92020005", LicenseAnswerKind.NotFound, false)]
    [InlineData(200, "92020011", LicenseAnswerKind.NotActivated, false)]
    [InlineData(200, "92020020", LicenseAnswerKind.InvalidCodeInList, false)]
    [InlineData(400, "95000001", LicenseAnswerKind.InvalidRequest, false)]
    [InlineData(405, "95000002", LicenseAnswerKind.InvalidRequest, false)]
    [InlineData(415, "95000003", LicenseAnswerKind.InvalidRequest, false)]
    [InlineData(400, "95000004", LicenseAnswerKind.InvalidRequest, false)]
    [InlineData(401, "APIGW.0301", LicenseAnswerKind.Unauthorized, false)]
    [InlineData(403, "APIGW.0302", LicenseAnswerKind.Unauthorized, false)]
    [InlineData(404, "APIGW.0101", LicenseAnswerKind.Failed, false)]
    [InlineData(413, "APIGW.0201", LicenseAnswerKind.Failed, false)]
    [InlineData(502, "APIGW.0201", LicenseAnswerKind.InternalError, true)]
    [InlineData(504, "APIGW.0201", LicenseAnswerKind.InternalError, true)]
    [InlineData(429, "APIGW.0308", LicenseAnswerKind.InternalError, true)]
    [InlineData(200, "92029999", LicenseAnswerKind.Failed, false)]
    [InlineData(500, "92029999", LicenseAnswerKind.Failed, false)]
    [InlineData(500, "92020000", LicenseAnswerKind.Failed, false)]
    public async Task Status_and_error_code_decide_together_what_an_answer_means(int status, string code, LicenseAnswerKind kind, bool transient)
    {
        var answer = await Activate(Answering($$"""{"error_code":"{{code}}","error_msg":"said {{code}}","request_id":"r-1"}""", (HttpStatusCode)status),
            LicenseApiHost.NoRetries());

        Assert.Equal(new LicenseAnswer(kind, code, status, $"said {code}"), answer.Answer);
        Assert.Equal(transient, answer.Answer.IsTransient);
        Assert.Null(answer.Info);
    }

    [Theory]
    [InlineData(503, "<html>busy</html>", LicenseAnswerKind.InternalError)]
    [InlineData(408, "", LicenseAnswerKind.InternalError)]
    [InlineData(200, "", LicenseAnswerKind.Failed)]
    [InlineData(200, "[]", LicenseAnswerKind.Failed)]
    [InlineData(400, "{}", LicenseAnswerKind.Failed)]
    public async Task An_answer_without_an_error_code_goes_by_its_status(int status, string body, LicenseAnswerKind kind)
    {
        var answer = await Activate(Answering(body, (HttpStatusCode)status), LicenseApiHost.NoRetries());

        Assert.Equal((kind, "", (int?)status), (answer.Answer.Kind, answer.Answer.ErrorCode, answer.Answer.HttpStatus));
    }

    [Fact]
    public async Task An_internal_error_at_200_is_retried_with_a_fresh_signature()
    {
        var marketplace = new FakeMarketplace(
            FakeMarketplace.Answer(HttpStatusCode.OK, """{"error_code":"92020001","error_msg":"internal error"}"""),
            FakeMarketplace.Answer(HttpStatusCode.OK, QueryExample));

        var answer = await Query(marketplace);

        Assert.True(answer.Answer.IsSuccess);
        Assert.Equal(2, marketplace.Requests.Count);
        Assert.NotEqual(marketplace.Requests[0].Headers["X-Sdk-Date"], marketplace.Requests[1].Headers["X-Sdk-Date"]);
    }

    [Theory]
    [InlineData(403, "92020001")]
    [InlineData(200, "92020003")]
    [InlineData(200, "92020005")]
    [InlineData(500, "92029999")]
    public async Task A_permanent_answer_is_not_retried(int status, string code)
    {
        var marketplace = new FakeMarketplace(
            FakeMarketplace.Answer((HttpStatusCode)status, $$"""{"error_code":"{{code}}","error_msg":"no"}"""),
            FakeMarketplace.Answer(HttpStatusCode.OK, QueryExample));

        var answer = await Query(marketplace);

        Assert.Single(marketplace.Requests);
        Assert.False(answer.Answer.IsSuccess);
    }

    [Fact]
    public async Task An_activation_retried_after_a_timeout_may_meet_illegal_state_which_the_caller_must_query()
    {
        var marketplace = new FakeMarketplace(
            FakeMarketplace.Hang(),
            FakeMarketplace.Answer(HttpStatusCode.OK, """{"error_code":"92020003","error_msg":"illegal state"}"""));

        var answer = await Activate(marketplace, new Dictionary<string, string?> { ["KooGallery:OpenApi:Timeout"] = "00:00:00.100" });

        Assert.Equal(2, marketplace.Requests.Count);
        Assert.Equal(LicenseAnswerKind.IllegalState, answer.Answer.Kind);
    }

    [Fact]
    public async Task No_answer_at_all_is_a_transient_NoAnswer_after_the_retries()
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Hang());

        var answer = await Query(marketplace, new Dictionary<string, string?> { ["KooGallery:OpenApi:Timeout"] = "00:00:00.050", ["KooGallery:OpenApi:MaxRetries"] = "1" });

        Assert.Equal(2, marketplace.Requests.Count);
        Assert.Equal((LicenseAnswerKind.NoAnswer, "", (int?)null, true), (answer.Answer.Kind, answer.Answer.ErrorCode, answer.Answer.HttpStatus, answer.Answer.IsTransient));
    }

    [Fact]
    public async Task An_unreachable_primary_host_sends_the_call_to_the_fallback_host()
    {
        var marketplace = new FakeMarketplace((request, ct) => request.RequestUri!.Host == "mkt.myhuaweicloud.com"
            ? FakeMarketplace.Unreachable()(request, ct)
            : FakeMarketplace.Answer(HttpStatusCode.OK, QueryExample)(request, ct));

        var answer = await Query(marketplace);

        Assert.True(answer.Answer.IsSuccess);
        Assert.Equal("mkt.myhuaweicloud.cn", marketplace.Requests[^1].Uri.Host);
    }

    [Fact]
    public async Task A_refused_signature_is_signed_again_with_a_fresh_date_once_even_without_retries()
    {
        var refused = FakeMarketplace.Answer(HttpStatusCode.Unauthorized, """{"error_code":"APIGW.0303","error_msg":"Incorrect app authentication information"}""");
        var recovered = new FakeMarketplace(refused, FakeMarketplace.Answer(HttpStatusCode.OK, QueryExample));
        var stillRefused = new FakeMarketplace(refused);

        var first = await Query(recovered, LicenseApiHost.NoRetries());
        var second = await Query(stillRefused);

        Assert.True(first.Answer.IsSuccess);
        Assert.NotEqual(recovered.Requests[0].Headers["X-Sdk-Date"], recovered.Requests[1].Headers["X-Sdk-Date"]);
        Assert.Equal((LicenseAnswerKind.Unauthorized, "APIGW.0303"), (second.Answer.Kind, second.Answer.ErrorCode));
        Assert.Equal(2, stillRefused.Requests.Count);
    }

    [Fact]
    public async Task A_v2_answer_keeps_its_data_as_it_came()
    {
        var answer = await LicenseApiHost.CallAsync(
            Answering("""{"error_code":"92020020","error_msg":"invalid license code exists","data":{"fail_list":[{"license_code":"PL2"}]}}"""),
            client => client.QueryListAsync(["PL1", "PL2"], CancellationToken.None));

        Assert.Equal(LicenseAnswerKind.InvalidCodeInList, answer.Answer.Kind);
        Assert.Equal("PL2", answer.Data!.Value.GetProperty("fail_list")[0].GetProperty("license_code").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("PL-65-characters-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task A_code_that_cannot_be_sent_is_refused_before_anything_is_sent(string code)
    {
        var marketplace = Answering(QueryExample);

        await Assert.ThrowsAsync<ArgumentException>(() => LicenseApiHost.CallAsync(marketplace, client => client.QueryAsync(code, null, CancellationToken.None)));
        await Assert.ThrowsAsync<ArgumentException>(() => LicenseApiHost.CallAsync(marketplace,
            client => client.ActivateListAsync([.. Enumerable.Range(0, 101).Select(i => $"PL{i}")], null, CancellationToken.None)));

        Assert.Empty(marketplace.Requests);
    }
}
