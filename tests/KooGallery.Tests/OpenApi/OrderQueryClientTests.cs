using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Provisioning.KooGallery.OpenApi;

namespace Provisioning.KooGallery.Tests.OpenApi;

public class OrderQueryClientTests
{
    private static FakeMarketplace Example() => new(FakeMarketplace.Answer(HttpStatusCode.OK, OrderQueryExample.Answer));

    private static Dictionary<string, string?> NoRetries() => new() { ["KooGallery:OpenApi:MaxRetries"] = "0" };

    [Fact]
    public async Task The_spec_example_answer_parses_into_exact_typed_values()
    {
        var order = await OpenApiHost.QueryAsync(Example());

        Assert.Equal("MOCKPERIODYEARNEW", order.OrderId);
        Assert.Equal(OrderType.New, order.Type);
        Assert.False(order.IsTrial);
        Assert.Equal(new DateTimeOffset(2024, 3, 17, 14, 42, 37, TimeSpan.Zero), order.CreatedAt);
        Assert.Equal(new OrderBuyer("68805512345678901234567890abcdef", "demo_user", "1e8a0000000000000000000007df834e", "demo_user", null, null), order.Buyer);
        Assert.Empty(order.ExtendParams);
        var line = Assert.Single(order.Lines);
        Assert.Same(line, order.Line("MOCKPERIODYEARNEW-000001"));
        Assert.Equal("MOCKPERIODYEARNEW-000001", line.OrderLineId);
        Assert.Equal(OrderChargingMode.Period, line.ChargingMode);
        Assert.Equal(new DateTimeOffset(2025, 3, 17, 14, 42, 37, TimeSpan.Zero), line.ExpireTime);
        Assert.Equal("year", line.PeriodType);
        Assert.Equal(1, line.PeriodNumber);
        Assert.Equal("CNY", line.Currency);
        Assert.Equal(100.0m, line.AmountAfterDiscount);
        Assert.Equal([new OrderProduct("00301-123456-0--0", "a63ee5c9-4f86-11ed-9f95-fa163e8cb3b2", 10, "Demo License")], line.Products);
        Assert.Equal([new ExtendParam("emailDomainName", "example.com")], line.ExtendParams);
    }

    [Fact]
    public async Task The_request_is_a_get_of_the_order_query_path_with_both_ids()
    {
        var marketplace = Example();

        await OpenApiHost.QueryAsync(marketplace);

        var request = Assert.Single(marketplace.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal(
            "https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/order/query?orderId=MOCKPERIODYEARNEW&orderLineId=MOCKPERIODYEARNEW-000001",
            request.Uri.AbsoluteUri);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task Without_an_order_line_only_the_order_id_is_sent()
    {
        var marketplace = Example();

        await OpenApiHost.QueryAsync(marketplace, orderLineId: null);

        Assert.Equal("?orderId=MOCKPERIODYEARNEW", marketplace.Requests[0].Uri.Query);
    }

    [Fact]
    public async Task The_outgoing_request_carries_an_authorization_that_Verify_accepts()
    {
        var marketplace = Example();

        await OpenApiHost.QueryAsync(marketplace);

        var request = marketplace.Requests[0];
        Assert.Equal("20240317T144237Z", request.Headers["X-Sdk-Date"]);
        Assert.StartsWith($"SDK-HMAC-SHA256 Access={OpenApiHost.AccessKeyId}, SignedHeaders=content-type;host;x-sdk-date, Signature=", request.Headers["Authorization"]);
        Assert.True(ApiGatewaySigner.Verify(request.Method, request.Uri, request.Headers, request.Body, OpenApiHost.AccessKeyId, OpenApiHost.SecretAccessKey));
        Assert.False(ApiGatewaySigner.Verify(request.Method, request.Uri, request.Headers, request.Body, OpenApiHost.AccessKeyId, "another-secret"));
        Assert.All(request.Headers.Values, value => Assert.DoesNotContain(OpenApiHost.SecretAccessKey, value));
    }

    [Fact]
    public async Task Ids_that_need_escaping_are_escaped_and_still_verify()
    {
        var marketplace = Example();

        await OpenApiHost.QueryAsync(marketplace, orderId: "CS 1+2&x=/é", orderLineId: "L#1");

        var request = marketplace.Requests[0];
        Assert.Equal("?orderId=CS%201%2B2%26x%3D%2F%C3%A9&orderLineId=L%231", request.Uri.Query);
        Assert.True(ApiGatewaySigner.Verify(request.Method, request.Uri, request.Headers, request.Body, OpenApiHost.AccessKeyId, OpenApiHost.SecretAccessKey));
    }

    [Theory]
    [InlineData("MOCKPERIODYEARNEW")]
    [InlineData("MOCKONETIMENEW")]
    [InlineData("MOCKONDEMAND")]
    [InlineData("MOCKONDEMANDPKG")]
    [InlineData("MOCKPERIODDAYTRIAL")]
    [InlineData("MOCKMONTYTRIALTOFORMAL")]
    [InlineData("MOCKMONTYUNSUBSCRIBE")]
    [InlineData("MOCKMONTYRENEW")]
    [InlineData("MOCKMONTYCHANGE")]
    public async Task A_mock_order_id_and_its_first_line_are_queried_verbatim(string mockOrderId)
    {
        var marketplace = Example();

        await OpenApiHost.QueryAsync(marketplace, orderId: mockOrderId, orderLineId: mockOrderId + "-000001");

        Assert.Equal($"?orderId={mockOrderId}&orderLineId={mockOrderId}-000001", marketplace.Requests[0].Uri.Query);
    }

    [Theory]
    [InlineData(500, "MKT.0999", true)]
    [InlineData(500, "MKT.0100", true)]
    [InlineData(406, "MKT.0250", true)]
    [InlineData(500, "MKT.9001", true)]
    [InlineData(400, "MKT.0101", false)]
    [InlineData(400, "MKT.0199", false)]
    [InlineData(401, "MKT.0150", false)]
    [InlineData(401, "MKT.0151", false)]
    [InlineData(401, "MKT.0154", false)]
    [InlineData(200, "MKT.0101", false)]
    [InlineData(200, "MKT.0999", true)]
    public async Task A_failure_code_raises_OpenApiException_with_its_code_and_transience(int status, string code, bool transient)
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Answer((HttpStatusCode)status,
            $$$"""{"resultCode":"{{{code}}}","resultMsg":"Marketplace says no ({{{code}}}).","extra_info":{"x":1}}"""));

        var error = await Assert.ThrowsAsync<OpenApiException>(() => OpenApiHost.QueryAsync(marketplace, NoRetries()));

        Assert.Equal(code, error.ResultCode);
        Assert.Equal(status, error.HttpStatus);
        Assert.Equal(transient, error.Transient);
        Assert.Equal($"The marketplace order query answered {code} (HTTP {status}): Marketplace says no ({code}).", error.Message);
        Assert.DoesNotContain(OpenApiHost.SecretAccessKey, error.ToString());
    }

    [Theory]
    [InlineData(401, "APIGW.0303", false)]
    [InlineData(401, "APIGW.0301", false)]
    [InlineData(403, "APIGW.0302", false)]
    [InlineData(404, "APIGW.0101", false)]
    [InlineData(502, "APIGW.0201", true)]
    [InlineData(504, "APIGW.0201", true)]
    public async Task An_api_gateway_error_raises_OpenApiException_with_its_error_code(int status, string code, bool transient)
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Answer((HttpStatusCode)status,
            $$"""{"error_code":"{{code}}","error_msg":"Incorrect app authentication information","request_id":"r-1"}"""));

        var error = await Assert.ThrowsAsync<OpenApiException>(() => OpenApiHost.QueryAsync(marketplace, NoRetries()));

        Assert.Equal((code, status, transient), (error.ResultCode, error.HttpStatus, error.Transient));
        Assert.Contains("Incorrect app authentication information", error.Message);
    }

    [Theory]
    [InlineData(502, "<html><body>Bad Gateway</body></html>", true)]
    [InlineData(200, "", false)]
    [InlineData(200, "{\"orderInfo\":{}}", false)]
    public async Task An_answer_without_a_result_code_raises_OpenApiException_by_its_status(int status, string body, bool transient)
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Answer((HttpStatusCode)status, body));

        var error = await Assert.ThrowsAsync<OpenApiException>(() => OpenApiHost.QueryAsync(marketplace, NoRetries()));

        Assert.Equal(("", (int?)status, transient), (error.ResultCode, error.HttpStatus, error.Transient));
        Assert.StartsWith($"The marketplace order query answered HTTP {status} without a result code", error.Message);
    }

    [Fact]
    public async Task A_500_then_a_200_is_retried_and_succeeds_with_a_fresh_signature()
    {
        var marketplace = new FakeMarketplace(
            FakeMarketplace.Answer(HttpStatusCode.InternalServerError, """{"resultCode":"MKT.0999","resultMsg":"busy"}"""),
            FakeMarketplace.Answer(HttpStatusCode.OK, OrderQueryExample.Answer));

        var order = await OpenApiHost.QueryAsync(marketplace);

        Assert.Equal("MOCKPERIODYEARNEW", order.OrderId);
        Assert.Equal(2, marketplace.Requests.Count);
        var (first, second) = (marketplace.Requests[0], marketplace.Requests[1]);
        Assert.NotEqual(first.Headers["X-Sdk-Date"], second.Headers["X-Sdk-Date"]);
        Assert.NotEqual(first.Headers["Authorization"], second.Headers["Authorization"]);
        Assert.All(marketplace.Requests, r =>
            Assert.True(ApiGatewaySigner.Verify(r.Method, r.Uri, r.Headers, r.Body, OpenApiHost.AccessKeyId, OpenApiHost.SecretAccessKey)));
    }

    [Fact]
    public async Task Transient_failures_are_retried_MaxRetries_times_then_reported()
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Answer(HttpStatusCode.ServiceUnavailable, """{"resultCode":"MKT.0999","resultMsg":"down"}"""));

        var error = await Assert.ThrowsAsync<OpenApiException>(() => OpenApiHost.QueryAsync(marketplace));

        Assert.Equal(3, marketplace.Requests.Count);
        Assert.True(error.Transient);
        Assert.Equal(503, error.HttpStatus);
    }

    [Theory]
    [InlineData(401, """{"resultCode":"MKT.0154","resultMsg":"invalid token"}""")]
    [InlineData(401, """{"error_code":"APIGW.0303","error_msg":"Incorrect app authentication information"}""")]
    [InlineData(400, """{"resultCode":"MKT.0101","resultMsg":"invalid param"}""")]
    [InlineData(406, """{"resultCode":"MKT.0250","resultMsg":"too often"}""")]
    public async Task A_client_error_is_not_retried(int status, string body)
    {
        var marketplace = new FakeMarketplace(
            FakeMarketplace.Answer((HttpStatusCode)status, body),
            FakeMarketplace.Answer(HttpStatusCode.OK, OrderQueryExample.Answer));

        await Assert.ThrowsAsync<OpenApiException>(() => OpenApiHost.QueryAsync(marketplace));

        Assert.Single(marketplace.Requests);
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError)]
    [InlineData(HttpRequestError.NameResolutionError)]
    [InlineData(HttpRequestError.SecureConnectionError)]
    public async Task A_primary_host_that_cannot_be_connected_to_sends_the_call_to_the_fallback_host(HttpRequestError fault)
    {
        var marketplace = new FakeMarketplace((request, ct) => request.RequestUri!.Host == "mkt.myhuaweicloud.com"
            ? FakeMarketplace.Unreachable(fault)(request, ct)
            : FakeMarketplace.Answer(HttpStatusCode.OK, OrderQueryExample.Answer)(request, ct));

        var order = await OpenApiHost.QueryAsync(marketplace, NoRetries());

        Assert.Equal("MOCKPERIODYEARNEW", order.OrderId);
        Assert.Equal(["mkt.myhuaweicloud.com", "mkt.myhuaweicloud.cn"], marketplace.Requests.Select(r => r.Uri.Host));
        var fallback = marketplace.Requests[1];
        Assert.Equal(
            "https://mkt.myhuaweicloud.cn/api/mkp-openapi-public/global/v1/order/query?orderId=MOCKPERIODYEARNEW&orderLineId=MOCKPERIODYEARNEW-000001",
            fallback.Uri.AbsoluteUri);
        Assert.NotEqual(marketplace.Requests[0].Headers["X-Sdk-Date"], fallback.Headers["X-Sdk-Date"]);
        Assert.True(ApiGatewaySigner.Verify(fallback.Method, fallback.Uri, fallback.Headers, fallback.Body, OpenApiHost.AccessKeyId, OpenApiHost.SecretAccessKey));
    }

    [Fact]
    public async Task An_http_error_from_the_primary_host_does_not_go_to_the_fallback_host()
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Answer(HttpStatusCode.BadGateway, """{"error_code":"APIGW.0201","error_msg":"backend unavailable"}"""));

        await Assert.ThrowsAsync<OpenApiException>(() => OpenApiHost.QueryAsync(marketplace));

        Assert.All(marketplace.Requests, r => Assert.Equal("mkt.myhuaweicloud.com", r.Uri.Host));
    }

    [Fact]
    public async Task An_unreachable_marketplace_without_a_fallback_is_a_transient_failure_without_status()
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Unreachable());

        var error = await Assert.ThrowsAsync<OpenApiException>(() => OpenApiHost.QueryAsync(marketplace,
            new Dictionary<string, string?> { ["KooGallery:OpenApi:FallbackBaseUrl"] = "" }));

        Assert.Equal(3, marketplace.Requests.Count);
        Assert.All(marketplace.Requests, r => Assert.Equal("mkt.myhuaweicloud.com", r.Uri.Host));
        Assert.Equal(("", (int?)null, true), (error.ResultCode, error.HttpStatus, error.Transient));
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.StartsWith("The marketplace order query got no answer: Connection refused", error.Message);
    }

    [Fact]
    public async Task Once_moved_to_the_fallback_host_a_call_retries_there()
    {
        var marketplace = new FakeMarketplace(
            FakeMarketplace.Unreachable(),
            FakeMarketplace.Answer(HttpStatusCode.InternalServerError, """{"resultCode":"MKT.0999","resultMsg":"busy"}"""),
            FakeMarketplace.Answer(HttpStatusCode.OK, OrderQueryExample.Answer));

        await OpenApiHost.QueryAsync(marketplace);

        Assert.Equal(["mkt.myhuaweicloud.com", "mkt.myhuaweicloud.cn", "mkt.myhuaweicloud.cn"], marketplace.Requests.Select(r => r.Uri.Host));
    }

    [Fact]
    public async Task An_attempt_that_outlasts_the_timeout_is_abandoned_and_retried()
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Hang(), FakeMarketplace.Answer(HttpStatusCode.OK, OrderQueryExample.Answer));

        var order = await OpenApiHost.QueryAsync(marketplace, new Dictionary<string, string?> { ["KooGallery:OpenApi:Timeout"] = "00:00:00.100" });

        Assert.Equal("MOCKPERIODYEARNEW", order.OrderId);
        Assert.Equal(2, marketplace.Requests.Count);
    }

    [Fact]
    public async Task Attempts_that_all_time_out_are_a_transient_failure()
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Hang());

        var error = await Assert.ThrowsAsync<OpenApiException>(() => OpenApiHost.QueryAsync(marketplace,
            new Dictionary<string, string?> { ["KooGallery:OpenApi:Timeout"] = "00:00:00.050", ["KooGallery:OpenApi:MaxRetries"] = "1" }));

        Assert.Equal(2, marketplace.Requests.Count);
        Assert.True(error.Transient);
        Assert.Null(error.HttpStatus);
    }

    [Fact]
    public async Task A_call_cancelled_by_the_caller_is_cancelled_not_failed()
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Hang());
        await using var services = OpenApiHost.Build(marketplace);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            services.GetRequiredService<OrderQueryClient>().QueryAsync("MOCKONDEMAND", null, cancel.Token));
    }

    [Theory]
    [InlineData("KooGallery:OpenApi:AccessKeyId")]
    [InlineData("KooGallery:OpenApi:SecretAccessKey")]
    public async Task Missing_credentials_fail_the_first_call_naming_the_setting(string missing)
    {
        var marketplace = Example();
        await using var services = OpenApiHost.Build(marketplace, new Dictionary<string, string?> { [missing] = "" });
        var client = services.GetRequiredService<OrderQueryClient>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.QueryAsync("MOCKONDEMAND", null, CancellationToken.None));

        Assert.StartsWith($"{missing} is not set.", error.Message);
        Assert.Empty(marketplace.Requests);
    }

    [Fact]
    public async Task Without_any_open_api_settings_the_client_still_resolves_and_names_the_access_key_when_used()
    {
        var services = new ServiceCollection();
        services.AddKooGalleryOpenApi(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<OrderQueryClient>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.QueryAsync("MOCKONDEMAND", null, CancellationToken.None));

        Assert.Contains("KooGallery:OpenApi:AccessKeyId", error.Message);
    }

    [Fact]
    public async Task Settings_are_bound_from_the_KooGallery_OpenApi_section()
    {
        await using var services = OpenApiHost.Build(Example(), new Dictionary<string, string?>
        {
            ["KooGallery:OpenApi:BaseUrl"] = "http://127.0.0.1:5099",
            ["KooGallery:OpenApi:FallbackBaseUrl"] = "http://127.0.0.2:5099",
            ["KooGallery:OpenApi:Timeout"] = "00:00:04",
            ["KooGallery:OpenApi:MaxRetries"] = "1",
        });

        var options = services.GetRequiredService<IOptions<OpenApiOptions>>().Value;

        Assert.Equal(("http://127.0.0.1:5099", "http://127.0.0.2:5099", TimeSpan.FromSeconds(4), 1),
            (options.BaseUrl, options.FallbackBaseUrl, options.Timeout, options.MaxRetries));
        Assert.Equal((OpenApiHost.AccessKeyId, OpenApiHost.SecretAccessKey), (options.AccessKeyId, options.SecretAccessKey));
    }

    [Fact]
    public async Task A_configured_base_url_is_where_the_call_goes()
    {
        var marketplace = Example();

        await OpenApiHost.QueryAsync(marketplace, new Dictionary<string, string?> { ["KooGallery:OpenApi:BaseUrl"] = "http://127.0.0.1:5099/mkt" });

        Assert.Equal("http://127.0.0.1:5099/mkt/api/mkp-openapi-public/global/v1/order/query?orderId=MOCKPERIODYEARNEW&orderLineId=MOCKPERIODYEARNEW-000001",
            marketplace.Requests[0].Uri.AbsoluteUri);
        Assert.StartsWith("SDK-HMAC-SHA256", marketplace.Requests[0].Headers["Authorization"]);
    }

    [Fact]
    public void The_defaults_are_the_documented_hosts_and_limits()
    {
        var options = new OpenApiOptions();

        Assert.Equal(("https://mkt.myhuaweicloud.com", "https://mkt.myhuaweicloud.cn", TimeSpan.FromSeconds(2.5), 2),
            (options.BaseUrl, options.FallbackBaseUrl, options.Timeout, options.MaxRetries));
        Assert.Null(options.AccessKeyId);
        Assert.Null(options.SecretAccessKey);
    }

    [Theory]
    [InlineData("KooGallery:OpenApi:BaseUrl", "mkt.myhuaweicloud.com")]
    [InlineData("KooGallery:OpenApi:BaseUrl", "ftp://mkt.myhuaweicloud.com")]
    [InlineData("KooGallery:OpenApi:FallbackBaseUrl", "/relative")]
    [InlineData("KooGallery:OpenApi:Timeout", "00:00:00")]
    [InlineData("KooGallery:OpenApi:MaxRetries", "-1")]
    [InlineData("KooGallery:OpenApi:MaxRetries", "11")]
    [InlineData("KooGallery:OpenApi:RetryDelay", "-00:00:01")]
    public async Task A_bad_setting_fails_the_first_use_naming_it(string key, string value)
    {
        await using var services = OpenApiHost.Build(Example(), new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<OrderQueryClient>());

        Assert.Contains(key, error.Message);
    }

    [Theory]
    [InlineData("KooGallery:OpenApi:BaseUrl", "ftp://mkt.myhuaweicloud.com")]
    [InlineData("KooGallery:OpenApi:Timeout", "00:10:00")]
    [InlineData("KooGallery:OpenApi:MaxRetries", "11")]
    public async Task A_bad_setting_stops_the_host_start_naming_it(string key, string value)
    {
        await using var services = OpenApiHost.Build(Example(), new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(key, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    public async Task An_empty_or_overlong_order_id_is_refused_before_sending(string orderId)
    {
        var marketplace = Example();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => OpenApiHost.QueryAsync(marketplace, orderId: orderId));

        Assert.Empty(marketplace.Requests);
    }
}
