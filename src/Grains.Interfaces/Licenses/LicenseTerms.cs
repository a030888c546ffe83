using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Licenses;

/// <summary>What one License grants: who bought which product, for which instance, until when (null: no end), for which device.</summary>
/// <param name="InstanceId">The instance (retired callbacks: the License's own id; online License: the SaaS instance) it belongs to.</param>
/// <param name="Traffic">Test traffic's Licenses say so, so the seller's software can refuse them in production.</param>
/// <param name="Quantity">The order's quantity attribute (<c>amount</c>), when it has one.</param>
/// <param name="DeviceFingerprint">Online License only: the device (<c>MAC|diskId|boardId|cpuId</c>) it is bound to.</param>
/// <param name="EventId">Online License only: the marketplace's <c>eventId</c> of the application it answers.</param>
[GenerateSerializer, Immutable, Alias("prov.LicenseTerms")]
public sealed record LicenseTerms(
    [property: Id(0)] string InstanceId,
    [property: Id(1)] Traffic Traffic,
    [property: Id(2)] string ProductId,
    [property: Id(3)] string? SkuCode,
    [property: Id(4)] string CustomerId,
    [property: Id(5)] DateTimeOffset IssuedAt,
    [property: Id(6)] DateTimeOffset? ExpiresAt,
    [property: Id(7)] int? Quantity,
    [property: Id(8)] string? DeviceFingerprint = null,
    [property: Id(9)] string? EventId = null)
{
    /// <summary>The longest License the marketplace is handed (license spec §8 #4: at most 4 KB of ASCII).</summary>
    public const int MaxLicenseLength = 4096;
}
