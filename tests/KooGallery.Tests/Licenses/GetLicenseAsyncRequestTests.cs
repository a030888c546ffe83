using Provisioning.KooGallery.Licenses;
using Provisioning.KooGallery.Tests.V2;

namespace Provisioning.KooGallery.Tests.Licenses;

/// <summary>getLicenseAsync (license §C.1) and its device fingerprint (§C.2).</summary>
public class GetLicenseAsyncRequestTests
{
    private const string SpecExample =
        """{"activity":"getLicenseAsync","instanceId":"87b94795-0603-4e24-8ae5-69420d60e3c8","effectiveTime":"2024-03-17 14:42:37 z","expireTime":"2025-03-17 14:42:37 z","eventId":"EVT202403170001","deviceFingerprint":"04:7C:16:5E:E3:5D|001B_444A_488B_5CEC.||BFEBFBFF00090672","testFlag":"0"}""";

    [Fact]
    public void The_spec_example_parses_into_exact_values()
    {
        var parsed = GetLicenseAsyncRequest.Parse(Json.Root(SpecExample));

        Assert.Null(parsed.Error);
        Assert.Equal(new GetLicenseAsyncRequest(
            "87b94795-0603-4e24-8ae5-69420d60e3c8",
            new DateTimeOffset(2024, 3, 17, 14, 42, 37, TimeSpan.Zero),
            new DateTimeOffset(2025, 3, 17, 14, 42, 37, TimeSpan.Zero),
            "EVT202403170001",
            "04:7C:16:5E:E3:5D|001B_444A_488B_5CEC.||BFEBFBFF00090672"), parsed.Request);
    }

    [Fact]
    public void Expiry_and_fingerprint_are_optional()
    {
        var parsed = GetLicenseAsyncRequest.Parse(Json.Root("""{"instanceId":"i-1","effectiveTime":"2024-03-17 14:42:37 z","eventId":"E1","testFlag":1}"""));

        Assert.Equal(new GetLicenseAsyncRequest("i-1", new DateTimeOffset(2024, 3, 17, 14, 42, 37, TimeSpan.Zero), null, "E1", null), parsed.Request);
    }

    [Theory]
    [InlineData("""{"effectiveTime":"2024-03-17 14:42:37 z","eventId":"E1"}""", "instanceId is missing")]
    [InlineData("""{"instanceId":"i","eventId":"E1"}""", "effectiveTime is missing")]
    [InlineData("""{"instanceId":"i","effectiveTime":"20240317144237","eventId":"E1"}""", "effectiveTime '20240317144237' is not a time in yyyy-MM-dd HH:mm:ss z form")]
    [InlineData("""{"instanceId":"i","effectiveTime":"2024-03-17 14:42:37 z","expireTime":"soon","eventId":"E1"}""", "expireTime 'soon' is not a time in yyyy-MM-dd HH:mm:ss z form")]
    [InlineData("""{"instanceId":"i","effectiveTime":"2024-03-17 14:42:37 z"}""", "eventId is missing")]
    [InlineData("""{"instanceId":"i","effectiveTime":"2024-03-17 14:42:37 z","eventId":7}""", "eventId is not a JSON string")]
    [InlineData("""{"instanceId":"i","effectiveTime":"2024-03-17 14:42:37 z","expireTime":"2024-03-17 14:42:37 z","eventId":"E1"}""",
        "expireTime 2024-03-17 14:42:37 z is not after effectiveTime 2024-03-17 14:42:37 z")]
    [InlineData("""{"instanceId":"i","effectiveTime":"2024-03-17 14:42:37 z","eventId":"E1","deviceFingerprint":"AA|BB|CC"}""",
        "deviceFingerprint has 3 slots separated by '|', not 4 (MAC|diskId|boardId|cpuId)")]
    [InlineData("""{"instanceId":"i","effectiveTime":"2024-03-17 14:42:37 z","eventId":"E1","deviceFingerprint":"|||"}""", "deviceFingerprint has no item in any slot")]
    [InlineData("""{"instanceId":"i","effectiveTime":"2024-03-17 14:42:37 z","eventId":"E1","deviceFingerprint":"04:7c:16:5e:e3:5d|||"}""", "deviceFingerprint is not all upper case")]
    [InlineData("""{"instanceId":"i","effectiveTime":"2024-03-17 14:42:37 z","eventId":"E1","deviceFingerprint":"A B|||"}""", "deviceFingerprint holds a character that is not printable ASCII")]
    public void A_bad_request_is_named(string json, string expected)
    {
        var parsed = GetLicenseAsyncRequest.Parse(Json.Root(json));

        Assert.Null(parsed.Request);
        Assert.Equal(expected, parsed.Error);
    }

    [Fact]
    public void Ids_and_fingerprints_beyond_their_lengths_are_refused()
    {
        var longEvent = GetLicenseAsyncRequest.Parse(Json.Root($$"""{"instanceId":"i","effectiveTime":"2024-03-17 14:42:37 z","eventId":"{{new string('E', 65)}}"}"""));
        var longPrint = GetLicenseAsyncRequest.Parse(Json.Root(
            $$"""{"instanceId":"i","effectiveTime":"2024-03-17 14:42:37 z","eventId":"E1","deviceFingerprint":"{{new string('A', 1022)}}|||"}"""));

        Assert.Equal("eventId is longer than 64 characters", longEvent.Error);
        Assert.Equal("deviceFingerprint is longer than 1024 characters", longPrint.Error);
    }

    [Fact]
    public void Several_macs_and_disks_fit_in_their_slots()
    {
        Assert.Null(DeviceFingerprintFormat.Problem("04:7C:16:5E:E3:5D,04:7C:16:5E:E3:5E|DISK1,DISK2|BOARD|CPU"));
    }
}
