using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Provisioning.KooGallery.OpenApi;
using Provisioning.KooGallery.Tests.OpenApi;
using Provisioning.KooGallery.Usage;

namespace Provisioning.KooGallery.Tests.Usage;

public class UsagePushClientTests
{
    private const string Success = """{"error_code":"MKT.0000","error_msg":"success"}""";
    private const string Busy = """{"error_code":"MKT.0999","error_msg":"internal error"}""";

    private static FakeMarketplace Accepting() => new(FakeMarketplace.Answer(HttpStatusCode.OK, Success));

    private static Dictionary<string, string?> NoRetries() => new() { ["KooGallery:OpenApi:MaxRetries"] = "0" };

    private static Dictionary<string, string?> Old() => new() { ["KooGallery:UsagePush:Version"] = "Old" };

    private static Dictionary<string, string?> OldWithoutFallback() => new(Old()) { ["KooGallery:OpenApi:FallbackBaseUrl"] = "" };

    private static UsageRecord OldRecord() => UsagePushHost.Record() with { ProductId = "00301-000000-0--0" };

    private static bool SignatureVerifies(FakeMarketplace.Received request, string key = UsagePushHost.BasicAccessKey) =>
        UsagePushSignature.Verify(key, request.Headers["ts"], request.Headers["nonce"], request.Body, request.Headers["signature"]);

    [Fact]
    public async Task An_unknown_push_version_stops_the_host_start_naming_it()
    {
        await using var services = UsagePushHost.Build(Accepting(), new Dictionary<string, string?> { ["KooGallery:UsagePush:Version"] = "7" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("KooGallery:UsagePush:Version", error.Message);
    }

    [Fact]
    public async Task An_accepted_push_is_reported_as_accepted()
    {
        var result = await UsagePushHost.PushAsync(Accepting());

        Assert.Equal(new UsagePushResult(UsagePushOutcome.Accepted, "MKT.0000", 200, "success"), result);
        Assert.True(result.IsAccepted);
    }

    [Fact]
    public async Task The_new_push_posts_the_signed_body_with_signature_ts_and_nonce_headers()
    {
        var marketplace = Accepting();
        var records = new[] { UsagePushHost.Record("sn-1"), UsagePushHost.Record("sn-2") with { RelatedPackageInstance = "pkg-1" } };

        await UsagePushHost.PushAsync(marketplace, records: records);

        var request = Assert.Single(marketplace.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/isv/usage-data", request.Uri.AbsoluteUri);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal(UsagePushBody.Serialize(records, UsagePushVersion.New), request.Body);
        Assert.Equal(UsagePushHost.Start.AddSeconds(1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers["ts"]);
        Assert.True(Guid.TryParse(request.Headers["nonce"], out _));
        Assert.True(SignatureVerifies(request));
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.All(request.Headers.Values, value => Assert.DoesNotContain(UsagePushHost.BasicAccessKey, value));
    }

    [Fact]
    public async Task A_usage_push_access_key_is_preferred_to_the_basic_access_key()
    {
        var marketplace = Accepting();

        await UsagePushHost.PushAsync(marketplace, new Dictionary<string, string?> { ["KooGallery:UsagePush:AccessKey"] = "Usage-Key-0002" });

        Assert.True(SignatureVerifies(marketplace.Requests[0], "Usage-Key-0002"));
        Assert.False(SignatureVerifies(marketplace.Requests[0]));
    }

    [Theory]
    [InlineData(500, "MKT.0999", UsagePushOutcome.Transient)]
    [InlineData(200, "MKT.0999", UsagePushOutcome.Transient)]
    [InlineData(500, "MKT.0100", UsagePushOutcome.Permanent)]
    [InlineData(400, "MKT.0101", UsagePushOutcome.Permanent)]
    [InlineData(400, "MKT.0102", UsagePushOutcome.Permanent)]
    [InlineData(400, "MKT.0199", UsagePushOutcome.Permanent)]
    [InlineData(401, "MKT.0150", UsagePushOutcome.Permanent)]
    [InlineData(401, "MKT.0151", UsagePushOutcome.Permanent)]
    [InlineData(401, "MKT.0154", UsagePushOutcome.Permanent)]
    [InlineData(500, "MKT.9001", UsagePushOutcome.Permanent)]
    [InlineData(500, "MKT.9002", UsagePushOutcome.Permanent)]
    [InlineData(500, "MKT.9003", UsagePushOutcome.Permanent)]
    [InlineData(500, "MKT.9004", UsagePushOutcome.Permanent)]
    [InlineData(404, "APIG.0101", UsagePushOutcome.Permanent)]
    [InlineData(413, "APIGW.0201", UsagePushOutcome.Permanent)]
    [InlineData(502, "APIGW.0201", UsagePushOutcome.Transient)]
    [InlineData(504, "APIG.0201", UsagePushOutcome.Transient)]
    [InlineData(401, "APIGW.0301", UsagePushOutcome.Permanent)]
    [InlineData(403, "APIGW.0302", UsagePushOutcome.Permanent)]
    [InlineData(401, "APIGW.0303", UsagePushOutcome.Permanent)]
    [InlineData(429, "APIGW.0308", UsagePushOutcome.Transient)]
    public async Task Each_error_code_is_returned_with_its_status_and_transience(int status, string code, UsagePushOutcome outcome)
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Answer((HttpStatusCode)status,
            $$"""{"error_code":"{{code}}","error_msg":"Marketplace says no ({{code}}).","request_id":"r-1"}"""));

        var result = await UsagePushHost.PushAsync(marketplace, NoRetries());

        Assert.Equal(new UsagePushResult(outcome, code, status, $"Marketplace says no ({code})."), result);
    }

    [Theory]
    [InlineData(503, "<html>Service Unavailable</html>", UsagePushOutcome.Transient)]
    [InlineData(200, "", UsagePushOutcome.Permanent)]
    [InlineData(200, """{"error_code":{"x":1}}""", UsagePushOutcome.Permanent)]
    public async Task An_answer_without_a_readable_code_goes_by_its_status(int status, string body, UsagePushOutcome outcome)
    {
        var result = await UsagePushHost.PushAsync(new FakeMarketplace(FakeMarketplace.Answer((HttpStatusCode)status, body)), NoRetries());

        Assert.Equal(new UsagePushResult(outcome, "", status, null), result);
    }

    [Fact]
    public async Task A_500_then_a_200_is_retried_with_a_fresh_signature_and_the_same_metering_sn()
    {
        var marketplace = new FakeMarketplace(
            FakeMarketplace.Answer(HttpStatusCode.InternalServerError, Busy),
            FakeMarketplace.Answer(HttpStatusCode.OK, Success));

        var result = await UsagePushHost.PushAsync(marketplace);

        Assert.True(result.IsAccepted);
        Assert.Equal(2, marketplace.Requests.Count);
        var (first, second) = (marketplace.Requests[0], marketplace.Requests[1]);
        Assert.Equal(first.Body, second.Body);
        Assert.Contains("\"metering_sn\":\"sn-0001\"", Encoding.UTF8.GetString(second.Body), StringComparison.Ordinal);
        Assert.NotEqual(first.Headers["ts"], second.Headers["ts"]);
        Assert.NotEqual(first.Headers["nonce"], second.Headers["nonce"]);
        Assert.NotEqual(first.Headers["signature"], second.Headers["signature"]);
        Assert.All(marketplace.Requests, r => Assert.True(SignatureVerifies(r)));
    }

    [Fact]
    public async Task Transient_failures_are_retried_MaxRetries_times_then_returned()
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Answer(HttpStatusCode.InternalServerError, Busy));

        var result = await UsagePushHost.PushAsync(marketplace);

        Assert.Equal(3, marketplace.Requests.Count);
        Assert.Equal(new UsagePushResult(UsagePushOutcome.Transient, "MKT.0999", 500, "internal error"), result);
    }

    [Theory]
    [InlineData(500, "MKT.9001")]
    [InlineData(500, "MKT.0100")]
    [InlineData(400, "MKT.0102")]
    [InlineData(401, "APIGW.0303")]
    public async Task A_permanent_failure_is_not_retried_even_with_a_500(int status, string code)
    {
        var marketplace = new FakeMarketplace(
            FakeMarketplace.Answer((HttpStatusCode)status, $$"""{"error_code":"{{code}}"}"""),
            FakeMarketplace.Answer(HttpStatusCode.OK, Success));

        var result = await UsagePushHost.PushAsync(marketplace);

        Assert.Single(marketplace.Requests);
        Assert.Equal(UsagePushOutcome.Permanent, result.Outcome);
    }

    [Fact]
    public async Task A_primary_host_that_cannot_be_connected_to_sends_the_push_to_the_fallback_host_signed_afresh()
    {
        var marketplace = new FakeMarketplace((request, ct) => request.RequestUri!.Host == "mkt.myhuaweicloud.com"
            ? FakeMarketplace.Unreachable()(request, ct)
            : FakeMarketplace.Answer(HttpStatusCode.OK, Success)(request, ct));

        var result = await UsagePushHost.PushAsync(marketplace, NoRetries());

        Assert.True(result.IsAccepted);
        Assert.Equal(["mkt.myhuaweicloud.com", "mkt.myhuaweicloud.cn"], marketplace.Requests.Select(r => r.Uri.Host));
        Assert.Equal("https://mkt.myhuaweicloud.cn/api/mkp-openapi-public/global/v1/isv/usage-data", marketplace.Requests[1].Uri.AbsoluteUri);
        Assert.NotEqual(marketplace.Requests[0].Headers["nonce"], marketplace.Requests[1].Headers["nonce"]);
        Assert.True(SignatureVerifies(marketplace.Requests[1]));
    }

    [Fact]
    public async Task An_unreachable_marketplace_is_a_transient_failure_without_status_not_an_exception()
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Unreachable());

        var result = await UsagePushHost.PushAsync(marketplace, new Dictionary<string, string?> { ["KooGallery:OpenApi:FallbackBaseUrl"] = "" });

        Assert.Equal(3, marketplace.Requests.Count);
        Assert.Equal((UsagePushOutcome.Transient, "", (int?)null), (result.Outcome, result.ErrorCode, result.HttpStatus));
        Assert.StartsWith("The usage push got no answer: Connection refused", result.Message);
    }

    [Fact]
    public async Task Attempts_that_all_time_out_are_a_transient_failure()
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Hang());

        var result = await UsagePushHost.PushAsync(marketplace,
            new Dictionary<string, string?> { ["KooGallery:OpenApi:Timeout"] = "00:00:00.050", ["KooGallery:OpenApi:MaxRetries"] = "1" });

        Assert.Equal(2, marketplace.Requests.Count);
        Assert.Equal((UsagePushOutcome.Transient, (int?)null), (result.Outcome, result.HttpStatus));
    }

    [Fact]
    public async Task A_push_cancelled_by_the_caller_is_cancelled_not_failed()
    {
        await using var services = UsagePushHost.Build(new FakeMarketplace(FakeMarketplace.Hang()));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            services.GetRequiredService<UsagePushClient>().PushAsync([UsagePushHost.Record()], cancel.Token));
    }

    [Theory]
    [InlineData("0", "usage_value 0 is not above zero")]
    [InlineData("-3", "usage_value -3 is not above zero")]
    [InlineData("1.00001", "usage_value 1.00001 has more than 4 decimals")]
    public async Task A_record_with_a_bad_usage_value_is_refused_before_sending_naming_its_metering_sn(string value, string problem)
    {
        var marketplace = Accepting();
        var bad = UsagePushHost.Record("sn-bad") with { UsageValue = decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture) };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => UsagePushHost.PushAsync(marketplace, records: [UsagePushHost.Record(), bad]));

        Assert.StartsWith($"Usage record 1 (metering_sn 'sn-bad') cannot be sent: {problem}.", error.Message);
        Assert.Empty(marketplace.Requests);
    }

    [Fact]
    public async Task A_record_that_began_more_than_21_days_ago_is_refused_before_sending()
    {
        var marketplace = Accepting();
        var old = UsagePushHost.Record("sn-old") with { BeginTime = UsagePushHost.Start.AddDays(-21).AddSeconds(-1) };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => UsagePushHost.PushAsync(marketplace, records: [old]));

        Assert.Equal("Usage record 0 (metering_sn 'sn-old') cannot be sent: begin_time 20240225T144236Z is more than 21 days before 20240317T144237Z. (Parameter 'records')", error.Message);
        Assert.Empty(marketplace.Requests);
    }

    [Fact]
    public async Task A_record_whose_begin_is_not_before_its_end_is_refused_before_sending()
    {
        var marketplace = Accepting();
        var record = UsagePushHost.Record("sn-empty");

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            UsagePushHost.PushAsync(marketplace, records: [record with { BeginTime = record.EndTime }]));

        Assert.Contains("metering_sn 'sn-empty'", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not before end_time", error.Message, StringComparison.Ordinal);
        Assert.Empty(marketplace.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task No_records_or_more_than_100_are_refused_before_sending(int count)
    {
        var marketplace = Accepting();
        var records = Enumerable.Range(0, count).Select(i => UsagePushHost.Record($"sn-{i}")).ToArray();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => UsagePushHost.PushAsync(marketplace, records: records));

        Assert.StartsWith($"A usage push carries 1 to 100 records, not {count}.", error.Message);
        Assert.Empty(marketplace.Requests);
    }

    [Fact]
    public async Task One_hundred_records_are_sent_in_one_request()
    {
        var marketplace = Accepting();

        await UsagePushHost.PushAsync(marketplace, records: Enumerable.Range(0, 100).Select(i => UsagePushHost.Record($"sn-{i}")).ToArray());

        Assert.Single(marketplace.Requests);
    }

    [Fact]
    public async Task Without_any_access_key_the_first_push_fails_naming_the_settings()
    {
        var marketplace = Accepting();
        await using var services = UsagePushHost.Build(marketplace, new Dictionary<string, string?> { ["KooGallery:AccessKey"] = "" });
        var client = services.GetRequiredService<UsagePushClient>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.PushAsync([UsagePushHost.Record()], CancellationToken.None));

        Assert.StartsWith("KooGallery:UsagePush:AccessKey is not set, nor is KooGallery:AccessKey.", error.Message);
        Assert.Empty(marketplace.Requests);
    }

    [Fact]
    public async Task Without_any_settings_the_client_still_resolves()
    {
        var services = new ServiceCollection();
        services.AddKooGalleryUsagePush(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<UsagePushClient>();
        var lastHour = DateTimeOffset.UtcNow.AddHours(-1);
        var record = UsagePushHost.Record() with { RecordTime = lastHour, BeginTime = lastHour.AddHours(-1), EndTime = lastHour };
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.PushAsync([record], CancellationToken.None));

        Assert.Contains("KooGallery:AccessKey", error.Message);
    }

    [Fact]
    public async Task Registering_both_clients_binds_the_open_api_settings_once()
    {
        var services = new ServiceCollection();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        services.AddKooGalleryOpenApi(configuration);
        services.AddKooGalleryUsagePush(configuration);
        await using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IValidateOptions<OpenApiOptions>>());
        Assert.Single(provider.GetServices<IConfigureOptions<OpenApiOptions>>());
    }

    [Fact]
    public async Task The_version_and_key_are_bound_from_the_KooGallery_UsagePush_section()
    {
        await using var services = UsagePushHost.Build(Accepting(), new Dictionary<string, string?>
        {
            ["KooGallery:UsagePush:Version"] = "Old",
            ["KooGallery:UsagePush:AccessKey"] = "Usage-Key-0002",
        });

        var options = services.GetRequiredService<IOptions<UsagePushOptions>>().Value;

        Assert.Equal((UsagePushVersion.Old, "Usage-Key-0002"), (options.Version, options.AccessKey));
        Assert.Equal(UsagePushVersion.New, new UsagePushOptions().Version);
    }

    [Fact]
    public async Task The_old_push_reproduces_the_kit_example_request_exactly()
    {
        var marketplace = Accepting();

        var result = await UsagePushHost.PushAsync(marketplace, new Dictionary<string, string?>
        {
            ["KooGallery:UsagePush:Version"] = "Old",
            ["KooGallery:OpenApi:AccessKeyId"] = UsageExample.OldAccessKeyId,
            ["KooGallery:OpenApi:SecretAccessKey"] = UsageExample.OldSecretKey,
        }, [UsageExample.OldRecord()], new FixedClock(UsageExample.OldSentAt));

        Assert.True(result.IsAccepted);
        var request = Assert.Single(marketplace.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("https://mkt.myhuaweicloud.com/rest/marketplace/v1/isv/usage-data", request.Uri.AbsoluteUri);
        Assert.Equal(UsageExample.OldBody, Encoding.UTF8.GetString(request.Body));
        Assert.Equal("20240315T080000Z", request.Headers["X-Sdk-Date"]);
        Assert.Equal(UsageExample.OldAuthorization, request.Headers["Authorization"]);
    }

    [Fact]
    public async Task The_old_push_is_signed_with_the_ak_sk_that_Verify_accepts_and_carries_no_hmac_headers()
    {
        var marketplace = Accepting();

        await UsagePushHost.PushAsync(marketplace, Old(), [UsagePushHost.Record() with { ProductId = "00301-000000-0--0" }]);

        var request = Assert.Single(marketplace.Requests);
        Assert.True(ApiGatewaySigner.Verify(request.Method, request.Uri, request.Headers, request.Body, OpenApiHost.AccessKeyId, OpenApiHost.SecretAccessKey));
        Assert.False(ApiGatewaySigner.Verify(request.Method, request.Uri, request.Headers, request.Body, OpenApiHost.AccessKeyId, "another-secret"));
        Assert.DoesNotContain("signature", request.Headers.Keys);
        Assert.DoesNotContain("metering_sn", Encoding.UTF8.GetString(request.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_old_push_that_is_retried_is_signed_again_with_a_new_date()
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Unreachable(), FakeMarketplace.Answer(HttpStatusCode.OK, Success));

        var result = await UsagePushHost.PushAsync(marketplace, OldWithoutFallback(), [OldRecord()]);

        Assert.True(result.IsAccepted);
        Assert.NotEqual(marketplace.Requests[0].Headers["X-Sdk-Date"], marketplace.Requests[1].Headers["X-Sdk-Date"]);
        Assert.All(marketplace.Requests, r =>
            Assert.True(ApiGatewaySigner.Verify(r.Method, r.Uri, r.Headers, r.Body, OpenApiHost.AccessKeyId, OpenApiHost.SecretAccessKey)));
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError)]
    [InlineData(HttpRequestError.NameResolutionError)]
    [InlineData(HttpRequestError.SecureConnectionError)]
    public async Task An_old_push_that_never_left_is_retried_and_delivered(HttpRequestError error)
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Unreachable(error), FakeMarketplace.Answer(HttpStatusCode.OK, Success));

        var result = await UsagePushHost.PushAsync(marketplace, OldWithoutFallback(), [OldRecord()]);

        Assert.True(result.IsAccepted);
        Assert.Equal(2, marketplace.Requests.Count);
    }

    [Fact]
    public async Task An_old_push_that_never_leaves_stays_transient()
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Unreachable());

        var result = await UsagePushHost.PushAsync(marketplace, OldWithoutFallback(), [OldRecord()]);

        Assert.Equal(3, marketplace.Requests.Count);
        Assert.Equal(UsagePushOutcome.Transient, result.Outcome);
    }

    [Theory]
    [InlineData(500, "MKT.0999")]
    [InlineData(200, "MKT.0999")]
    [InlineData(502, "APIGW.0201")]
    [InlineData(504, "APIG.0201")]
    [InlineData(408, "")]
    public async Task An_old_push_answered_ambiguously_is_sent_once_and_unconfirmed(int status, string code)
    {
        var marketplace = new FakeMarketplace(
            FakeMarketplace.Answer((HttpStatusCode)status, $$"""{"error_code":"{{code}}"}"""),
            FakeMarketplace.Answer(HttpStatusCode.OK, Success));

        var result = await UsagePushHost.PushAsync(marketplace, Old(), [OldRecord()]);

        Assert.Single(marketplace.Requests);
        Assert.Equal(UsagePushOutcome.Unconfirmed, result.Outcome);
    }

    [Fact]
    public async Task An_old_push_that_times_out_is_sent_once_and_unconfirmed()
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Hang(), FakeMarketplace.Answer(HttpStatusCode.OK, Success));

        var result = await UsagePushHost.PushAsync(marketplace, new Dictionary<string, string?>(Old()) { ["KooGallery:OpenApi:Timeout"] = "00:00:00.050" }, [OldRecord()]);

        Assert.Single(marketplace.Requests);
        Assert.Equal((UsagePushOutcome.Unconfirmed, (int?)null), (result.Outcome, result.HttpStatus));
    }

    [Fact]
    public async Task An_old_push_whose_connection_closes_after_sending_is_sent_once_and_unconfirmed()
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Unreachable(HttpRequestError.ResponseEnded), FakeMarketplace.Answer(HttpStatusCode.OK, Success));

        var result = await UsagePushHost.PushAsync(marketplace, Old(), [OldRecord()]);

        Assert.Single(marketplace.Requests);
        Assert.Equal(UsagePushOutcome.Unconfirmed, result.Outcome);
    }

    [Fact]
    public async Task An_old_push_throttled_before_processing_is_retried()
    {
        var marketplace = new FakeMarketplace(
            FakeMarketplace.Answer((HttpStatusCode)429, """{"error_code":"APIGW.0308"}"""),
            FakeMarketplace.Answer(HttpStatusCode.OK, Success));

        var result = await UsagePushHost.PushAsync(marketplace, Old(), [OldRecord()]);

        Assert.True(result.IsAccepted);
        Assert.Equal(2, marketplace.Requests.Count);
    }

    [Fact]
    public async Task The_old_push_refuses_a_record_without_product_id_before_sending()
    {
        var marketplace = Accepting();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => UsagePushHost.PushAsync(marketplace, Old()));

        Assert.StartsWith("Usage record 0 (metering_sn 'sn-0001') cannot be sent: product_id is empty, and the old usage push requires it.", error.Message);
        Assert.Empty(marketplace.Requests);
    }

    [Fact]
    public async Task The_old_push_without_ak_sk_fails_naming_the_open_api_setting()
    {
        var marketplace = Accepting();
        var settings = Old();
        settings["KooGallery:OpenApi:AccessKeyId"] = "";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            UsagePushHost.PushAsync(marketplace, settings, [UsagePushHost.Record() with { ProductId = "p" }]));

        Assert.StartsWith("KooGallery:OpenApi:AccessKeyId is not set.", error.Message);
        Assert.Empty(marketplace.Requests);
    }
}
