using System.Text;
using Provisioning.KooGallery.OpenApi;

namespace Provisioning.KooGallery.Tests.OpenApi;

public class ApiGatewaySignerTests
{
    // license §B.4.1: SK "123", X-Sdk-Date 20240317T144237Z, host mkt.myhuaweicloud.com.
    private const string LicenseSecret = "123";
    private const string LicenseDate = "20240317T144237Z";
    private const string Host = "mkt.myhuaweicloud.com";
    private static readonly DateTimeOffset LicenseTime = new(2024, 3, 17, 14, 42, 37, TimeSpan.Zero);

    private static readonly KeyValuePair<string, string>[] LicenseHeaders =
        [new("Content-Type", "application/json"), new("Host", Host), new("X-Sdk-Date", LicenseDate)];

    private const string Vector1CanonicalRequest = """
        POST
        /api/mkp-openapi-public/global/v1/license/activate/

        content-type:application/json
        host:mkt.myhuaweicloud.com
        x-sdk-date:20240317T144237Z
        x-stage:RELEASE

        content-type;host;x-sdk-date;x-stage
        e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
        """;

    private const string Vector1StringToSign = """
        SDK-HMAC-SHA256
        20240317T144237Z
        9a33b07351104f6c775075faa7dc0db58ec18bc532feaa8fd0b8fcf7990b1a9e
        """;

    // kit §C.2 full example.
    private const string KitAccessKey = "EXAMPLEAKEXAMPLEAK00";
    private const string KitSecret = "ExampleSecretKeyExampleSecretKey00000000";
    private static readonly byte[] KitBody = Encoding.UTF8.GetBytes(
        """{"usage_records":[{"instance_id":"7f141bf1-aec8-4859-8323-fb3a8ad50721","product_id":"00301-000000-0--0","record_time":"20240315T071000Z","begin_time":"20240315T060000Z","end_time":"20240315T070000Z","usage_value":"99"}]}""");

    private static readonly KeyValuePair<string, string>[] KitHeaders =
        [new("Host", Host), new("Content-Type", "application/json"), new("X-Sdk-Date", "20240315T080000Z")];

    private static readonly Uri KitUri = new("https://mkt.myhuaweicloud.com/rest/marketplace/v1/isv/usage-data");

    [Fact]
    public void License_vector_1_canonical_request_is_exact()
    {
        var canonical = ApiGatewaySigner.CanonicalRequest("POST", new Uri("https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/license/activate"),
            [.. LicenseHeaders, new("x-stage", "RELEASE")], []);

        Assert.Equal(Vector1CanonicalRequest, canonical);
    }

    [Fact]
    public void License_vector_1_string_to_sign_and_signature_are_exact()
    {
        var stringToSign = ApiGatewaySigner.StringToSign(Vector1CanonicalRequest, LicenseDate);

        Assert.Equal(Vector1StringToSign, stringToSign);
        Assert.Equal("77595ad624b6e4e49990b8c4e84bf1c287457fca61069c4e60b9b6765b52053d", ApiGatewaySigner.Signature(stringToSign, LicenseSecret));
    }

    [Fact]
    public void License_vector_2_body_hash_canonical_hash_and_signature_are_exact()
    {
        var canonical = ApiGatewaySigner.CanonicalRequest("POST", new Uri("https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/license/heartbeat"),
            LicenseHeaders, """{"license":"PLXXXXXX"}"""u8);
        var stringToSign = ApiGatewaySigner.StringToSign(canonical, LicenseDate);

        Assert.EndsWith("\ncontent-type;host;x-sdk-date\n3e414c5e8434e4efeb16b0ab2d599390f9d7d358f943193cf068fe17b865ace3", canonical);
        Assert.EndsWith("\nddd4a20e7d48b458828e296cf7cef327f323e1f985f18eca27a8bbb6d4d36379", stringToSign);
        Assert.Equal("49fda713aa5c49e93503ae2dfe7b639a6d9c6c080003ae4984b89a248fb360e0", ApiGatewaySigner.Signature(stringToSign, LicenseSecret));
    }

    [Fact]
    public void License_vector_3_query_line_canonical_hash_and_signature_are_exact()
    {
        var canonical = ApiGatewaySigner.CanonicalRequest("GET",
            new Uri("https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/order/query?orderId=MOCKPERIODYEARNEW"), LicenseHeaders, []);
        var stringToSign = ApiGatewaySigner.StringToSign(canonical, LicenseDate);

        Assert.Equal(["GET", "/api/mkp-openapi-public/global/v1/order/query/", "orderId=MOCKPERIODYEARNEW"], canonical.Split('\n')[..3]);
        Assert.EndsWith("\n27a1734f642f796b1388d07abf70f70ed176d687436c7b8b604a263612fe8260", stringToSign);
        Assert.Equal("b2395e9e1eec2a32e164466eeb5be45956dcc7eeb9b6ebcb1ed2e4079df4c435", ApiGatewaySigner.Signature(stringToSign, LicenseSecret));
    }

    public static readonly TheoryData<string, string, byte[], string?, string, string> LicenseRequests = new()
    {
        { "POST", "license/activate", [], "RELEASE", "content-type;host;x-sdk-date;x-stage", "77595ad624b6e4e49990b8c4e84bf1c287457fca61069c4e60b9b6765b52053d" },
        { "POST", "license/heartbeat", Encoding.UTF8.GetBytes("""{"license":"PLXXXXXX"}"""), null, "content-type;host;x-sdk-date", "49fda713aa5c49e93503ae2dfe7b639a6d9c6c080003ae4984b89a248fb360e0" },
        { "GET", "order/query?orderId=MOCKPERIODYEARNEW", [], null, "content-type;host;x-sdk-date", "b2395e9e1eec2a32e164466eeb5be45956dcc7eeb9b6ebcb1ed2e4079df4c435" },
    };

    [Theory]
    [MemberData(nameof(LicenseRequests))]
    public async Task Signing_a_license_vector_request_sets_its_exact_headers(string method, string path, byte[] body, string? stage, string signedHeaders, string signature)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/" + path)
        {
            Content = SignedRequest.Json(body),
        };
        if (stage is not null) request.Headers.Add("x-stage", stage);

        await new ApiGatewaySigner("AK", LicenseSecret).SignAsync(request, LicenseTime, CancellationToken.None);

        Assert.Equal([LicenseDate], request.Headers.GetValues("X-Sdk-Date"));
        Assert.Equal($"SDK-HMAC-SHA256 Access=AK, SignedHeaders={signedHeaders}, Signature={signature}", request.Headers.Authorization!.ToString());
    }

    [Fact]
    public void Kit_published_apig_vector_signature_is_exact()
    {
        const string stringToSign = "SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a";

        Assert.Equal("7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
            ApiGatewaySigner.Signature(stringToSign, "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"));
    }

    [Fact]
    public void Kit_usage_push_example_payload_hash_and_string_to_sign_are_exact()
    {
        var canonical = ApiGatewaySigner.CanonicalRequest("POST", KitUri, KitHeaders, KitBody);

        Assert.Equal("""
            POST
            /rest/marketplace/v1/isv/usage-data/

            content-type:application/json
            host:mkt.myhuaweicloud.com
            x-sdk-date:20240315T080000Z

            content-type;host;x-sdk-date
            ddd21dca53a0da966b6f00113ce961be3f03d0d242d182a005f72b262023fffe
            """, canonical);
        Assert.Equal("SDK-HMAC-SHA256\n20240315T080000Z\nfea8f23b94e611419c10772886a364d9865cf884901c41c0441ebb450b18b67f",
            ApiGatewaySigner.StringToSign(canonical, "20240315T080000Z"));
    }

    [Fact]
    public async Task Signing_the_kit_usage_push_example_gives_its_exact_authorization_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, KitUri) { Content = SignedRequest.Json(KitBody) };

        await new ApiGatewaySigner(KitAccessKey, KitSecret).SignAsync(request, new DateTimeOffset(2024, 3, 15, 8, 0, 0, TimeSpan.Zero), CancellationToken.None);

        Assert.Equal(
            "SDK-HMAC-SHA256 Access=EXAMPLEAKEXAMPLEAK00, SignedHeaders=content-type;host;x-sdk-date, Signature=7ed3d6621b1e701ea38dac7f94f1beb017916f67fbc12270c4745ff1c79e1558",
            request.Headers.Authorization!.ToString());
        Assert.Equal(KitBody, await request.Content!.ReadAsByteArrayAsync());
    }

    [Fact]
    public void The_date_is_formatted_in_utc()
    {
        Assert.Equal("20240317T144237Z", ApiGatewaySigner.FormatDate(new DateTimeOffset(2024, 3, 17, 22, 42, 37, 999, TimeSpan.FromHours(8))));
    }

    [Fact]
    public void The_query_is_rfc_3986_encoded_and_sorted_by_name_then_value()
    {
        var uri = new Uri("https://mkt.myhuaweicloud.com/api/a b/%7Ex?orderId=CS 1+2/é&b=2&a=z&a=1&empty&e=*'()!~&%E6%B5%8B=v");

        var lines = ApiGatewaySigner.CanonicalRequest("get", uri, [new("host", Host), new("x-sdk-date", LicenseDate)], []).Split('\n');

        Assert.Equal("GET", lines[0]);
        Assert.Equal("/api/a%20b/~x/", lines[1]);
        Assert.Equal("a=1&a=z&b=2&e=%2A%27%28%29%21~&empty=&orderId=CS%201%2B2%2F%C3%A9&%E6%B5%8B=v", lines[2]);
    }

    // Computed by apig_query_vectors.py (beside this file) from the APIG SDK's documented algorithm: names and values are
    // decoded and sorted before they are encoded. Each encoded order differs from the decoded one: non-ASCII names ('%'
    // sorts before letters once encoded), '.' against '/' (encoded '%2F'), a repeated name's values, and empty values
    // (an empty name is dropped, as the SDK drops it).
    public static readonly TheoryData<string, string, string> SdkQueryVectors = new()
    {
        { "%E6%B5%8B%E8%AF%95=1&z=2&%C3%A9=3&A=4", "A=4&z=2&%C3%A9=3&%E6%B5%8B%E8%AF%95=1", "dedf76236c23b5c160a35633eae49dcaddf9e05a4ee321c92fd6e0c9494c57f7" },
        { "a/b=1&a.b=2&k=x/y&k=x.y", "a.b=2&a%2Fb=1&k=x.y&k=x%2Fy", "e3cd656c2cde9049b660db1ca78565388dca0a5e279386cd171cd5afe2493256" },
        { "tag=b&tag=%7E&tag=A&tag=%C3%A9&tag=%20x&tag=b", "tag=%20x&tag=A&tag=b&tag=b&tag=~&tag=%C3%A9", "fb5002f3ab6554c0f7e70236b311710436a882f9004ed38f7f32a1e39a0fed9d" },
        { "empty&blank=x&blank=&=dropped&&v=", "blank=&blank=x&empty=&v=", "80fb72b1ee642881b73dfb20bc00b3a434346798c2bff600765ad139a61a098d" },
    };

    [Theory]
    [MemberData(nameof(SdkQueryVectors))]
    public async Task Query_vectors_follow_the_official_sdk(string query, string canonicalQuery, string signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"https://{Host}/api/q?{query}");

        await new ApiGatewaySigner("AK", LicenseSecret).SignAsync(request, LicenseTime, CancellationToken.None);

        var canonical = ApiGatewaySigner.CanonicalRequest("GET", request.RequestUri!, [new("host", Host), new("x-sdk-date", LicenseDate)], []);
        Assert.Equal(canonicalQuery, canonical.Split('\n')[2]);
        Assert.Equal($"SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature={signature}", request.Headers.Authorization!.ToString());
    }

    [Fact]
    public void Equivalent_escapings_of_the_query_sign_alike()
    {
        KeyValuePair<string, string>[] headers = [new("host", Host), new("x-sdk-date", LicenseDate)];

        Assert.Equal(
            ApiGatewaySigner.CanonicalRequest("GET", new Uri("https://h/q?orderId=A%2DB%7E&x=%41"), headers, []),
            ApiGatewaySigner.CanonicalRequest("GET", new Uri("https://h/q?x=A&orderId=A-B~"), headers, []));
    }

    [Fact]
    public void Header_names_are_lowercased_values_trimmed_and_lines_sorted()
    {
        var canonical = ApiGatewaySigner.CanonicalRequest("GET", new Uri("https://h/"),
            [new("X-Sdk-Date", " 20240317T144237Z "), new("HOST", "h"), new("X-B", "\t2 "), new("x-a", "1")], []);

        Assert.Equal("GET\n/\n\nhost:h\nx-a:1\nx-b:2\nx-sdk-date:20240317T144237Z\n\nhost;x-a;x-b;x-sdk-date\n"
            + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", canonical);
    }

    [Fact]
    public void A_header_signed_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ApiGatewaySigner.CanonicalRequest("GET", new Uri("https://h/"), [new("Host", "h"), new("host", "h")], []));
    }

    [Fact]
    public async Task Signing_uses_a_non_default_port_in_host_and_signs_every_x_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:8080/api/q?orderId=O");
        request.Headers.Add("X-Request-Id", "r-1");
        request.Headers.Add("Accept", "application/json");

        await new ApiGatewaySigner("AK", "SK").SignAsync(request, LicenseTime, CancellationToken.None);

        Assert.Contains("SignedHeaders=host;x-request-id;x-sdk-date,", request.Headers.Authorization!.Parameter);
        Assert.True(await SignedRequest.VerifyAsync(request, "AK", "SK"));
        var headers = SignedRequest.Headers(request);
        headers["Host"] = "127.0.0.1";
        Assert.False(ApiGatewaySigner.Verify("GET", request.RequestUri!, headers, [], "AK", "SK"));
    }

    [Fact]
    public async Task Signing_again_replaces_the_date_and_authorization()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://mkt.myhuaweicloud.com/api/q");
        var signer = new ApiGatewaySigner("AK", "SK");

        await signer.SignAsync(request, LicenseTime, CancellationToken.None);
        var first = request.Headers.Authorization!.ToString();
        await signer.SignAsync(request, LicenseTime.AddSeconds(1), CancellationToken.None);

        Assert.Equal(["20240317T144238Z"], request.Headers.GetValues("X-Sdk-Date"));
        Assert.Single(request.Headers.GetValues("Authorization"));
        Assert.NotEqual(first, request.Headers.Authorization!.ToString());
        Assert.True(await SignedRequest.VerifyAsync(request, "AK", "SK"));
    }

    [Fact]
    public async Task An_explicit_host_header_is_what_gets_signed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://10.0.0.1/api/q");
        request.Headers.Host = Host;

        await new ApiGatewaySigner("AK", "SK").SignAsync(request, LicenseTime, CancellationToken.None);

        var headers = SignedRequest.Headers(request);
        Assert.True(ApiGatewaySigner.Verify("GET", request.RequestUri!, headers, [], "AK", "SK"));
        headers.Remove("Host");
        Assert.False(ApiGatewaySigner.Verify("GET", request.RequestUri!, headers, [], "AK", "SK"));
    }

    [Fact]
    public async Task Verify_accepts_what_SignAsync_produced()
    {
        using var request = await SignedPost();

        Assert.True(await SignedRequest.VerifyAsync(request, "AK", "SK"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(21)]
    public async Task Verify_rejects_a_tampered_body(int index)
    {
        using var request = await SignedPost();
        var body = await request.Content!.ReadAsByteArrayAsync();
        body[index] ^= 0x01;

        Assert.False(ApiGatewaySigner.Verify("POST", request.RequestUri!, SignedRequest.Headers(request), body, "AK", "SK"));
    }

    [Theory]
    [InlineData("X-Sdk-Date", "20240317T144238Z")]
    [InlineData("x-stage", "TEST")]
    [InlineData("Content-Type", "text/plain")]
    [InlineData("Host", "mkt.myhuaweicloud.cn")]
    public async Task Verify_rejects_a_tampered_signed_header(string name, string value)
    {
        using var request = await SignedPost();
        var headers = SignedRequest.Headers(request);
        headers[name] = value;

        Assert.False(ApiGatewaySigner.Verify("POST", request.RequestUri!, headers, await request.Content!.ReadAsByteArrayAsync(), "AK", "SK"));
    }

    [Theory]
    [InlineData("GET", "https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/license/heartbeat")]
    [InlineData("POST", "https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/license/activate")]
    [InlineData("POST", "https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/license/heartbeat?x=1")]
    [InlineData("POST", "https://mkt.myhuaweicloud.cn/api/mkp-openapi-public/global/v1/license/heartbeat")]
    public async Task Verify_rejects_another_method_path_query_or_host(string method, string uri)
    {
        using var request = await SignedPost();

        Assert.False(ApiGatewaySigner.Verify(method, new Uri(uri), SignedRequest.Headers(request), await request.Content!.ReadAsByteArrayAsync(), "AK", "SK"));
    }

    [Theory]
    [InlineData("AK", "SK2")]
    [InlineData("AK", "sk")]
    [InlineData("AK2", "SK")]
    public async Task Verify_rejects_a_wrong_access_key_or_secret(string accessKeyId, string secretKey)
    {
        using var request = await SignedPost();

        Assert.False(await SignedRequest.VerifyAsync(request, accessKeyId, secretKey));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SDK-HMAC-SHA1 Access=AK, SignedHeaders=content-type;host;x-sdk-date;x-stage, Signature={0}")]
    [InlineData("Access=AK, SignedHeaders=content-type;host;x-sdk-date;x-stage, Signature={0}")]
    [InlineData("SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;host;x-sdk-date;x-stage")]
    [InlineData("SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;host;x-sdk-date;x-stage, Signature={0}, Signature={0}")]
    [InlineData("SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;host;x-sdk-date;x-stage, Signature={0}, Extra=1")]
    [InlineData("SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;host;x-sdk-date;x-stage, Signature={1}")]
    [InlineData("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;content-type;x-sdk-date;x-stage, Signature={0}")]
    [InlineData("SDK-HMAC-SHA256 Access=AK, SignedHeaders=Content-Type;host;x-sdk-date;x-stage, Signature={0}")]
    [InlineData("SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;host;host;x-sdk-date;x-stage, Signature={0}")]
    [InlineData("SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;x-sdk-date;x-stage, Signature={0}")]
    [InlineData("SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;host;x-stage, Signature={0}")]
    [InlineData("SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;host;x-missing;x-sdk-date;x-stage, Signature={0}")]
    [InlineData("SDK-HMAC-SHA256 Access=, SignedHeaders=content-type;host;x-sdk-date;x-stage, Signature={0}")]
    public async Task Verify_rejects_a_missing_or_malformed_authorization(string? format)
    {
        using var request = await SignedPost();
        var signature = request.Headers.Authorization!.Parameter![^64..];
        var headers = SignedRequest.Headers(request);
        headers.Remove("Authorization");
        if (format is not null) headers["Authorization"] = string.Format(format, signature, signature.ToUpperInvariant());

        Assert.False(ApiGatewaySigner.Verify("POST", request.RequestUri!, headers, await request.Content!.ReadAsByteArrayAsync(), "AK", "SK"));
    }

    [Fact]
    public async Task Verify_rejects_a_request_without_its_date_header()
    {
        using var request = await SignedPost();
        var headers = SignedRequest.Headers(request);
        headers.Remove("X-Sdk-Date");

        Assert.False(ApiGatewaySigner.Verify("POST", request.RequestUri!, headers, await request.Content!.ReadAsByteArrayAsync(), "AK", "SK"));
    }

    [Fact]
    public async Task The_secret_key_appears_in_no_header_and_not_in_ToString()
    {
        const string secret = "Sup3rS3cretSK-ExampleOnly";
        var signer = new ApiGatewaySigner("AK", secret);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://mkt.myhuaweicloud.com/api/q");

        await signer.SignAsync(request, LicenseTime, CancellationToken.None);

        Assert.DoesNotContain(secret, signer.ToString());
        Assert.DoesNotContain(secret, request.ToString());
        Assert.All(SignedRequest.Headers(request).Values, value => Assert.DoesNotContain(secret, value));
    }

    [Theory]
    [InlineData("", "SK")]
    [InlineData("AK", "")]
    public void Empty_credentials_are_refused(string accessKeyId, string secretKey)
    {
        Assert.Throws<ArgumentException>(() => new ApiGatewaySigner(accessKeyId, secretKey));
    }

    [Fact]
    public async Task A_request_without_an_absolute_uri_cannot_be_signed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/q");

        await Assert.ThrowsAsync<ArgumentException>(() => new ApiGatewaySigner("AK", "SK").SignAsync(request, LicenseTime, CancellationToken.None));
    }

    private static async Task<HttpRequestMessage> SignedPost()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/license/heartbeat")
        {
            Content = SignedRequest.Json(Encoding.UTF8.GetBytes("""{"license":"PLXXXXXX"}""")),
        };
        request.Headers.Add("x-stage", "RELEASE");
        await new ApiGatewaySigner("AK", "SK").SignAsync(request, LicenseTime, CancellationToken.None);
        return request;
    }
}
