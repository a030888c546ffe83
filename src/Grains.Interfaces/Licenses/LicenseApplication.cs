namespace Provisioning.Grains.Licenses;

/// <summary>A buyer's application for an online License of one SaaS instance (marketplace-neutral <c>getLicenseAsync</c>).</summary>
/// <param name="EventId">The marketplace's id of the application: its idempotency key, and where the License is uploaded to.</param>
/// <param name="EffectiveAt">From when the License is valid.</param>
/// <param name="ExpiresAt">Until when; null for a License without an end (required for a period instance).</param>
/// <param name="DeviceFingerprint">The device (<c>MAC|diskId|boardId|cpuId</c>) the License is bound to, if any.</param>
[GenerateSerializer, Immutable, Alias("prov.LicenseApplication")]
public sealed record LicenseApplication(
    [property: Id(0)] string EventId,
    [property: Id(1)] DateTimeOffset EffectiveAt,
    [property: Id(2)] DateTimeOffset? ExpiresAt,
    [property: Id(3)] string? DeviceFingerprint);
