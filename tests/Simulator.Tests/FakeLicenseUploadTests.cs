using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.KooGallery.OpenApi.Licenses;
using Provisioning.Marketplace.OpenApi;

namespace Provisioning.Simulator.Tests;

/// <summary>The fake open API's License upload against the backend's own upload client, read back through the control API.</summary>
public sealed class FakeLicenseUploadTests : IAsyncLifetime
{
    private const string Ak = "FAKEAKFAKEAKFAKEAK00";
    private const string Sk = "fake-secret-key";

    private FakeOpenApi _api = null!;
    private HttpClient _controlHttp = null!;
    private FakeOpenApiControl _control = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeOpenApi.StartAsync(new FakeOpenApiOptions(0, Ak, Sk, "basic-access-key"));
        _controlHttp = new HttpClient { BaseAddress = _api.BaseUrl };
        _control = new FakeOpenApiControl(_controlHttp);
    }

    public async Task DisposeAsync()
    {
        _controlHttp.Dispose();
        await _api.DisposeAsync();
    }

    private static string NewEventId() => "EVT" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();

    private async Task<LicenseUploadResult> UploadAsync(string eventId, string license, string secretKey = Sk)
    {
        await using var services = new ServiceCollection()
            .AddKooGalleryLicenseUpload(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["KooGallery:OpenApi:BaseUrl"] = _api.BaseUrl.ToString(),
                ["KooGallery:OpenApi:FallbackBaseUrl"] = "",
                ["KooGallery:OpenApi:AccessKeyId"] = Ak,
                ["KooGallery:OpenApi:SecretAccessKey"] = secretKey,
                ["KooGallery:OpenApi:Timeout"] = "00:00:03",
                ["KooGallery:OpenApi:RetryDelay"] = "00:00:00.05",
            }).Build()).Services
            .BuildServiceProvider();
        return await services.GetRequiredService<LicenseUploadClient>().UploadAsync(eventId, LicenseUpload.Of(license), CancellationToken.None);
    }

    [Fact]
    public async Task Signed_uploads_of_a_string_and_of_a_file_are_taken_under_their_events()
    {
        var (shortEvent, longEvent) = (NewEventId(), NewEventId());
        var longLicense = string.Concat(Enumerable.Repeat("LICENSE-", 200));

        var asCharacters = await UploadAsync(shortEvent, "LIC-CONTENT-XYZ");
        var asFile = await UploadAsync(longEvent, longLicense);

        Assert.True(asCharacters.IsUploaded, asCharacters.Message);
        Assert.True(asFile.IsUploaded, asFile.Message);
        var trace = (await _control.Uploads(shortEvent))!;
        Assert.Equal(["LIC-CONTENT-XYZ"], trace.Licenses);
        Assert.Equal((0, 0), (trace.BadSignatures, trace.Refused));
        Assert.Equal([longLicense], (await _control.Uploads(longEvent))!.Licenses);
        Assert.Null(await _control.Uploads(NewEventId()));
    }

    [Fact]
    public async Task An_upload_signed_with_another_secret_is_refused_with_CBC_0150_and_nothing_is_taken()
    {
        var eventId = NewEventId();

        var result = await UploadAsync(eventId, "LIC-1", secretKey: "another-secret");

        Assert.Equal(LicenseUploadOutcome.Refused, result.Outcome);
        Assert.Equal(("CBC.0150", 403), (result.ErrorCode, result.HttpStatus));
        var trace = await _control.Uploads(eventId);
        Assert.Empty(trace!.Licenses);
        Assert.Equal(1, trace.BadSignatures);
    }

    [Fact]
    public async Task An_injected_error_is_retried_by_the_client_and_the_license_arrives_once()
    {
        var eventId = NewEventId();
        await _control.InjectUploadFaults(UploadFault.Error, 1);

        var result = await UploadAsync(eventId, "LIC-2");

        Assert.True(result.IsUploaded, result.Message);
        Assert.Equal(["LIC-2"], (await _control.Uploads(eventId))!.Licenses);
    }

    [Fact]
    public async Task An_injected_refusal_is_final_and_takes_nothing()
    {
        var eventId = NewEventId();
        await _control.InjectUploadFaults(UploadFault.Refuse, 1);

        var result = await UploadAsync(eventId, "LIC-3");

        Assert.Equal(LicenseUploadOutcome.Refused, result.Outcome);
        Assert.Equal("91381037", result.ErrorCode);
        var trace = await _control.Uploads(eventId);
        Assert.Empty(trace!.Licenses);
        Assert.Equal(1, trace.Refused);
    }
}
