using System.Text.Json;

namespace Provisioning.KooGallery.Licenses;

/// <summary>
/// <c>getLicenseAsync</c> (license §C.1): the buyer applied in KooGallery for a License of an online-License instance, valid from
/// <paramref name="EffectiveTime"/> until <paramref name="ExpireTime"/> (none for a product without an end), for one device. The
/// seller answers <c>000004</c> and uploads the License for <paramref name="EventId"/>, the application's idempotency key.
/// </summary>
public sealed record GetLicenseAsyncRequest(
    string InstanceId, DateTimeOffset EffectiveTime, DateTimeOffset? ExpireTime, string EventId, string? DeviceFingerprint)
{
    private const int TimeLength = 32;

    public static Parsed<GetLicenseAsyncRequest> Parse(JsonElement root)
    {
        var f = new FieldReader(root);
        var instanceId = f.Required("instanceId", 64);
        var effective = Time(f, f.Required("effectiveTime", TimeLength), "effectiveTime") ?? default;
        var expire = Time(f, f.Optional("expireTime", TimeLength), "expireTime");
        var eventId = f.Required("eventId", 64);
        var fingerprint = f.Optional("deviceFingerprint", DeviceFingerprintFormat.MaxLength);
        if (fingerprint is not null && DeviceFingerprintFormat.Problem(fingerprint) is { } problem)
        {
            f.Fail($"deviceFingerprint {problem}", 0);
        }

        if (expire is { } end && f.Error is null && end <= effective)
        {
            f.Fail($"expireTime {LicenseTime.Format(end)} is not after effectiveTime {LicenseTime.Format(effective)}", 0);
        }

        return Parsed<GetLicenseAsyncRequest>.From(new GetLicenseAsyncRequest(instanceId, effective, expire, eventId, fingerprint), f);
    }

    private static DateTimeOffset? Time(FieldReader f, string? text, string name) =>
        string.IsNullOrEmpty(text) ? null
        : LicenseTime.TryParse(text, out var time) ? time
        : f.Fail<DateTimeOffset?>($"{name} '{text}' is not a time in yyyy-MM-dd HH:mm:ss z form", null);
}
