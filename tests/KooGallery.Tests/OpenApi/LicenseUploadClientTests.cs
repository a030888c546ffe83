using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using Provisioning.KooGallery.OpenApi;
using Provisioning.KooGallery.OpenApi.Licenses;

namespace Provisioning.KooGallery.Tests.OpenApi;

/// <summary>字符串/文件流上传 (license §D.3): the multipart body, its AK/SK signature over the exact bytes (§8 #13), and the §D.2 codes.</summary>
public class LicenseUploadClientTests
{
    private static readonly Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Success =
        FakeMarketplace.Answer(HttpStatusCode.OK, """{"error_code":"CBC.0000","error_msg":"Success"}""");

    private static async Task<LicenseUploadResult> UploadAsync(FakeMarketplace marketplace, string license = "LIC-CONTENT-XYZ", string eventId = "EVT202403170001")
    {
        var settings = new Dictionary<string, string?>
        {
            ["KooGallery:OpenApi:AccessKeyId"] = OpenApiHost.AccessKeyId,
            ["KooGallery:OpenApi:SecretAccessKey"] = OpenApiHost.SecretAccessKey,
            ["KooGallery:OpenApi:RetryDelay"] = "00:00:00",
        };
        var services = new ServiceCollection();
        services.AddKooGalleryLicenseUpload(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .ConfigurePrimaryHttpMessageHandler(() => marketplace);
        services.AddSingleton<TimeProvider>(new SteppingClock());
        await using var provider = services.BuildServiceProvider();
        return await provider.GetRequiredService<LicenseUploadClient>().UploadAsync(eventId, LicenseUpload.Of(license), CancellationToken.None);
    }

    private static async Task<List<(string Name, string? FileName, string? ContentType, byte[] Bytes)>> PartsOf(FakeMarketplace.Received request)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.Headers["Content-Type"]).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(request.Body));
        var parts = new List<(string, string?, string?, byte[])>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var bytes = new MemoryStream();
            await section.Body.CopyToAsync(bytes);
            parts.Add((HeaderUtilities.RemoveQuotes(disposition.Name).Value!, HeaderUtilities.RemoveQuotes(disposition.FileName).Value, section.ContentType, bytes.ToArray()));
        }

        return parts;
    }

    [Fact]
    public async Task A_short_license_is_posted_as_characters_to_the_event_and_the_signature_covers_the_exact_multipart_bytes()
    {
        var marketplace = new FakeMarketplace(Success);

        var result = await UploadAsync(marketplace);

        Assert.True(result.IsUploaded);
        Assert.Equal("CBC.0000", result.ErrorCode);
        var request = Assert.Single(marketplace.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("https://mkt.myhuaweicloud.com/api/mkp-openapi-public/global/v1/market-event/EVT202403170001/file", request.Uri.AbsoluteUri);
        Assert.StartsWith("multipart/form-data; boundary=", request.Headers["Content-Type"]);
        Assert.True(ApiGatewaySigner.Verify("POST", request.Uri, request.Headers, request.Body, OpenApiHost.AccessKeyId, OpenApiHost.SecretAccessKey));
        Assert.False(ApiGatewaySigner.Verify("POST", request.Uri, request.Headers, [.. request.Body, (byte)' '], OpenApiHost.AccessKeyId, OpenApiHost.SecretAccessKey));
        var part = Assert.Single(await PartsOf(request));
        Assert.Equal("isvUpdateFileReq", part.Name);
        Assert.Null(part.FileName);
        Assert.Equal("""{"type":"CHARACTERS","characters":"LIC-CONTENT-XYZ"}""", Encoding.UTF8.GetString(part.Bytes));
    }

    [Fact]
    public async Task A_license_longer_than_1024_characters_goes_as_a_file_with_its_sha256()
    {
        var marketplace = new FakeMarketplace(Success);
        var license = new string('L', 1025);

        await UploadAsync(marketplace, license);

        var parts = await PartsOf(Assert.Single(marketplace.Requests));
        Assert.Equal(["isvUpdateFileReq", "file"], parts.Select(p => p.Name));
        using var json = JsonDocument.Parse(parts[0].Bytes);
        Assert.Equal("FILE", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("license.lic", json.RootElement.GetProperty("file_name").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(license))), json.RootElement.GetProperty("sha256").GetString());
        Assert.False(json.RootElement.TryGetProperty("characters", out _));
        Assert.Equal("license.lic", parts[1].FileName);
        Assert.Equal(license, Encoding.UTF8.GetString(parts[1].Bytes));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "CBC.0999")]
    [InlineData(HttpStatusCode.OK, "91381036")]
    [InlineData(HttpStatusCode.BadGateway, "")]
    public async Task A_transient_answer_is_sent_again_with_the_same_bytes_and_a_fresh_signature(HttpStatusCode status, string code)
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Answer(status, $$"""{"error_code":"{{code}}","error_msg":"busy"}"""), Success);

        var result = await UploadAsync(marketplace);

        Assert.True(result.IsUploaded);
        Assert.Equal(2, marketplace.Requests.Count);
        Assert.Equal(marketplace.Requests[0].Body, marketplace.Requests[1].Body);
        Assert.NotEqual(marketplace.Requests[0].Headers["X-Sdk-Date"], marketplace.Requests[1].Headers["X-Sdk-Date"]);
        Assert.All(marketplace.Requests, r => Assert.True(ApiGatewaySigner.Verify("POST", r.Uri, r.Headers, r.Body, OpenApiHost.AccessKeyId, OpenApiHost.SecretAccessKey)));
    }

    [Fact]
    public async Task Transient_failures_that_outlast_the_retries_are_answered_transient()
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Answer(HttpStatusCode.InternalServerError, """{"error_code":"CBC.0999","error_msg":"internal error"}"""));

        var result = await UploadAsync(marketplace);

        Assert.Equal(LicenseUploadOutcome.Transient, result.Outcome);
        Assert.Equal(3, marketplace.Requests.Count);
        Assert.Equal("The License upload answered CBC.0999 (internal error, HTTP 500): internal error", result.Message);
    }

    [Fact]
    public async Task No_answer_at_all_is_transient_and_names_the_fault()
    {
        var result = await UploadAsync(new FakeMarketplace(FakeMarketplace.Unreachable()));

        Assert.Equal(LicenseUploadOutcome.Transient, result.Outcome);
        Assert.Null(result.HttpStatus);
        Assert.StartsWith("The License upload got no answer: ", result.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "CBC.0150", "illegal operation: the AK/SK was not accepted")]
    [InlineData(HttpStatusCode.BadRequest, "CBC.0101", "invalid parameter")]
    [InlineData(HttpStatusCode.OK, "91381033", "the License resource is unavailable")]
    [InlineData(HttpStatusCode.OK, "91381034", "the License application is invalid")]
    [InlineData(HttpStatusCode.OK, "91381035", "the period has no License left")]
    [InlineData(HttpStatusCode.OK, "91381037", "the License format is invalid")]
    [InlineData(HttpStatusCode.OK, "91381038", "the License application has been denied")]
    [InlineData(HttpStatusCode.OK, "91380150", "role permission denied")]
    public async Task A_permanent_refusal_is_not_retried_and_is_named(HttpStatusCode status, string code, string meaning)
    {
        var marketplace = new FakeMarketplace(FakeMarketplace.Answer(status, $$"""{"error_code":"{{code}}","error_msg":"refused"}"""));

        var result = await UploadAsync(marketplace);

        Assert.Equal(LicenseUploadOutcome.Refused, result.Outcome);
        Assert.Equal(code, result.ErrorCode);
        Assert.Equal((int)status, result.HttpStatus);
        Assert.Equal($"The License upload answered {code} ({meaning}, HTTP {(int)status}): refused", result.Message);
        Assert.Single(marketplace.Requests);
        Assert.DoesNotContain(OpenApiHost.SecretAccessKey, result.Message);
    }

    [Fact]
    public async Task An_unknown_code_with_http_200_is_a_refusal()
    {
        var result = await UploadAsync(new FakeMarketplace(FakeMarketplace.Answer(HttpStatusCode.OK, """{"error_code":"CBC.4711","error_msg":"new"}""")));

        Assert.Equal(LicenseUploadOutcome.Refused, result.Outcome);
    }

    [Fact]
    public async Task An_event_id_longer_than_64_characters_is_refused_before_anything_is_sent()
    {
        var marketplace = new FakeMarketplace(Success);

        await Assert.ThrowsAsync<ArgumentException>(() => UploadAsync(marketplace, eventId: new string('E', 65)));
        Assert.Empty(marketplace.Requests);
    }
}
