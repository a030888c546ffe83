using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Licenses;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Marketplace.OpenApi;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.V2;

/// <summary>getLicenseAsync through the real pipeline (license §C.1), its License uploaded to the fake open API (§D.3).</summary>
public sealed class V2OnlineLicenseTests(V2OnlineLicenseTests.LicenseGateway fixture) : IClassFixture<V2OnlineLicenseTests.LicenseGateway>
{
    private const string Device = "04:7C:16:5E:E3:5D|001B_444A_488B_5CEC.||BFEBFBFF00090672";
    private const string OtherDevice = "04:7C:16:5E:E3:5E|||BFEBFBFF00090673";

    private static readonly DateTimeOffset Expiry = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddYears(1).ToUnixTimeSeconds());
    private static readonly string Until = LicenseTime.Format(Expiry.AddDays(-1));

    private readonly FakeOpenApi _api = fixture.Api;
    private readonly GatewayFactory _gateway = fixture.Gateway;
    private readonly V2Client _marketplace = new(fixture.Gateway.CreateClient());

    /// <summary>The fake open API, and a gateway uploading to it whose Licenses come from <see cref="TestLicenseIssuer"/>.</summary>
    public sealed class LicenseGateway : IAsyncLifetime
    {
        public FakeOpenApi Api { get; private set; } = null!;

        public GatewayFactory Gateway { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Api = await TestOpenApi.StartAsync();
            Gateway = new UploadingGateway(Api.BaseUrl.ToString());
        }

        public async Task DisposeAsync()
        {
            await Gateway.DisposeAsync();
            await Api.DisposeAsync();
        }
    }

    private sealed class UploadingGateway(string apiBaseUrl) : GatewayFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["KooGallery:OpenApi:BaseUrl"] = apiBaseUrl,
            ["KooGallery:OpenApi:FallbackBaseUrl"] = "",
            ["KooGallery:OpenApi:AccessKeyId"] = TestOpenApi.AccessKeyId,
            ["KooGallery:OpenApi:SecretAccessKey"] = TestOpenApi.SecretAccessKey,
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<ILicenseIssuer, TestLicenseIssuer>());
        }
    }

    private static string NewEventId() => "EVT" + Guid.NewGuid().ToString("N")[..20].ToUpperInvariant();

    private static string Time(DateTimeOffset at) => LicenseTime.Format(at);

    // A period line for 5 devices, expiring in a year.
    private async Task<string> OpenAsync()
    {
        var orderId = V1Orders.NewOrderId();
        ScriptedOrders.Script(orderId, line => Task.FromResult(ScriptedOrders.Line(orderId, line) with { ExpiresAt = Expiry }));
        var opened = await _marketplace.Call("newInstance", ("businessId", "b-1"), ("orderId", orderId), ("orderLineId", orderId + "-000001"));
        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        return opened["instanceId"]!;
    }

    private static (string, object?)[] Application(string instanceId, string eventId, string? device = Device, string? expire = "", string testFlag = "0") =>
        [
            ("instanceId", instanceId), ("effectiveTime", Time(DateTimeOffset.UtcNow)), ("expireTime", expire == "" ? Until : expire), ("eventId", eventId),
            ("deviceFingerprint", device), ("testFlag", testFlag),
        ];

    private Task<SignedAnswer> Apply(params (string, object?)[] fields) => _marketplace.Call("getLicenseAsync", fields);

    private Task<IReadOnlyList<OnlineLicense>> Stored(string instanceId, Traffic traffic = Traffic.Live) =>
        _gateway.Services.GetRequiredService<IGrainFactory>().GetOnlineLicenses(new InstanceAddress(instanceId, traffic)).GetLicenses();

    private async Task<UploadTrace> UploadedAsync(string eventId)
    {
        UploadTrace? trace = null;
        await Eventually.True(() => (trace = _api.Uploads.Trace(eventId)) is { Licenses.Count: > 0 }, $"the License of {eventId} was uploaded", TimeSpan.FromSeconds(10));
        return trace!;
    }

    [Fact]
    public async Task An_application_answers_000004_and_the_issued_license_is_uploaded_signed_to_its_event()
    {
        var instanceId = await OpenAsync();
        var eventId = NewEventId();

        var answer = await Apply(Application(instanceId, eventId));

        Assert.Equal(ResultCodes.InProgress, answer.ResultCode);
        Assert.Equal($"the License of event {eventId} is being issued and uploaded", answer.ResultMsg);
        var trace = await UploadedAsync(eventId);
        var stored = Assert.Single(await Stored(instanceId));
        Assert.Equal([stored.License!], trace.Licenses);
        Assert.Equal(0, trace.BadSignatures);
        Assert.StartsWith($"TEST-LICENSE;{instanceId};{eventId};{Device};", stored.License);
        Assert.Equal(Expiry.AddDays(-1), stored.Terms.ExpiresAt);
    }

    [Fact]
    public async Task A_repeat_answers_identically_and_uploads_no_second_license()
    {
        var instanceId = await OpenAsync();
        var eventId = NewEventId();
        var first = await Apply(Application(instanceId, eventId));
        await UploadedAsync(eventId);

        var repeat = await Apply(Application(instanceId, eventId));
        await Task.Delay(300);

        Assert.Equal(first.Body, repeat.Body);
        Assert.Single(_api.Uploads.Trace(eventId)!.Licenses);
        Assert.Single(await Stored(instanceId));
    }

    [Fact]
    public async Task The_same_event_for_another_device_answers_000002_and_changes_nothing()
    {
        var instanceId = await OpenAsync();
        var eventId = NewEventId();
        await Apply(Application(instanceId, eventId));
        await UploadedAsync(eventId);
        var before = await Stored(instanceId);

        var answer = await Apply(Application(instanceId, eventId, OtherDevice));

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
        Assert.Contains("already applied for a License of another device", answer.ResultMsg);
        Assert.Equal(before, await Stored(instanceId));
        Assert.Single(_api.Uploads.Trace(eventId)!.Licenses);
    }

    [Fact]
    public async Task Each_refusal_has_its_code_and_names_the_problem_and_nothing_is_stored()
    {
        var instanceId = await OpenAsync();
        var early = Application(instanceId, NewEventId());
        early[1] = ("effectiveTime", Time(DateTimeOffset.UtcNow.AddDays(-3)));

        var unknown = await Apply(Application("no-such-instance-" + Guid.NewGuid().ToString("N"), NewEventId()));
        var noExpiry = await Apply(Application(instanceId, NewEventId(), expire: null));
        var outside = await Apply(early);
        var beyond = await Apply(Application(instanceId, NewEventId(), expire: LicenseTime.Format(Expiry.AddDays(30))));
        var noDevice = await Apply(Application(instanceId, NewEventId(), device: null));
        var badTime = await Apply(Application(instanceId, NewEventId(), expire: "20261231000000"));
        var badDevice = await Apply(Application(instanceId, NewEventId(), device: "AA|BB"));

        Assert.Equal((ResultCodes.InstanceNotFound, "the instance is not known"), (unknown.ResultCode, unknown.ResultMsg));
        Assert.Equal(LicenseResultCodes.ExpiryRequired, noExpiry.ResultCode);
        Assert.Equal($"instance {instanceId} is a period instance: its License needs an expireTime", noExpiry.ResultMsg);
        Assert.Equal(LicenseResultCodes.OutsideValidity, outside.ResultCode);
        Assert.Contains("is before instance", outside.ResultMsg);
        Assert.Equal(LicenseResultCodes.OutsideValidity, beyond.ResultCode);
        Assert.Contains($"expireTime {LicenseTime.Format(Expiry.AddDays(30))} is beyond instance", beyond.ResultMsg);
        Assert.Equal(LicenseResultCodes.FingerprintRequired, noDevice.ResultCode);
        Assert.Equal((ResultCodes.InvalidParameter, "expireTime '20261231000000' is not a time in yyyy-MM-dd HH:mm:ss z form"), (badTime.ResultCode, badTime.ResultMsg));
        Assert.Equal(ResultCodes.InvalidParameter, badDevice.ResultCode);
        Assert.StartsWith("deviceFingerprint has 2 slots", badDevice.ResultMsg);
        Assert.Empty(await Stored(instanceId));
    }

    [Fact]
    public async Task More_devices_than_the_quantity_answers_000900()
    {
        var instanceId = await OpenAsync();
        for (var device = 0; device < 5; device++)
        {
            Assert.Equal(ResultCodes.InProgress, (await Apply(Application(instanceId, NewEventId(), $"AA:BB:CC:DD:EE:0{device}|||"))).ResultCode);
        }

        var sixth = await Apply(Application(instanceId, NewEventId(), "AA:BB:CC:DD:EE:05|||"));

        Assert.Equal(LicenseResultCodes.QuotaInsufficient, sixth.ResultCode);
        Assert.Equal($"instance {instanceId} allows Licenses for 5 device(s), and all are bound to other devices", sixth.ResultMsg);
        Assert.Equal(5, (await Stored(instanceId)).Count);
    }

    [Fact]
    public async Task A_forged_signature_answers_000001_and_changes_nothing()
    {
        var instanceId = await OpenAsync();
        var eventId = NewEventId();
        var body = V2Marketplace.Body("getLicenseAsync", Application(instanceId, eventId));
        var (nonce, timestamp) = (V2Marketplace.NewNonce(), V2Marketplace.Now());

        var answer = await _marketplace.SendSigned(body, V2Signature.Compute(body, "not-the-access-key", nonce, timestamp), nonce, timestamp);
        await Task.Delay(300);

        Assert.Equal(ResultCodes.AuthenticationFailed, answer.ResultCode);
        Assert.Empty(await Stored(instanceId));
        Assert.Null(_api.Uploads.Trace(eventId));
    }

    [Fact]
    public async Task A_test_instance_gets_its_license_in_the_test_namespace_only()
    {
        var orderId = V1Orders.NewOrderId();
        var opened = await _marketplace.Call("newInstance", ("businessId", "b-1"), ("orderId", orderId), ("orderLineId", orderId + "-000001"), ("testFlag", 1));
        var instanceId = opened["instanceId"]!;
        var eventId = NewEventId();

        var answer = await Apply(Application(instanceId, eventId, testFlag: "1"));

        Assert.Equal(ResultCodes.InProgress, answer.ResultCode);
        var trace = await UploadedAsync(eventId);
        var stored = Assert.Single(await Stored(instanceId, Traffic.Test));
        Assert.Equal(Traffic.Test, stored.Terms.Traffic);
        Assert.Equal([stored.License!], trace.Licenses);
        Assert.Empty(await Stored(instanceId));
    }

    [Fact]
    public async Task Test_traffic_never_reaches_a_live_instance()
    {
        var instanceId = await OpenAsync();
        var eventId = NewEventId();

        var answer = await Apply(Application(instanceId, eventId, testFlag: "1"));

        Assert.Equal(ResultCodes.InstanceNotFound, answer.ResultCode);
        Assert.Empty(await Stored(instanceId));
        Assert.Empty(await Stored(instanceId, Traffic.Test));
    }
}
