using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Licenses;

/// <summary>A License as it is now.</summary>
/// <param name="FirstLicense">The License issued for the purchase: what every repeat of the purchase answers.</param>
/// <param name="CurrentLicense">The License issued last (after the latest renewal): what the buyer's software should hold.</param>
[GenerateSerializer, Immutable, Alias("prov.LicenseSnapshot")]
public sealed record LicenseSnapshot(
    [property: Id(0)] string InstanceId,
    [property: Id(1)] Traffic Traffic,
    [property: Id(2)] LicenseStatus Status,
    [property: Id(3)] string OrderId,
    [property: Id(4)] string CustomerId,
    [property: Id(5)] string ProductId,
    [property: Id(6)] string? SkuCode,
    [property: Id(7)] DateTimeOffset? ExpiresAt,
    [property: Id(8)] int? Quantity,
    [property: Id(9)] DateTimeOffset IssuedAt,
    [property: Id(10)] string FirstLicense,
    [property: Id(11)] string CurrentLicense);

/// <summary>The answer to a License command: its outcome, a readable message and the License afterwards (null if none was issued).</summary>
[GenerateSerializer, Immutable, Alias("prov.LicenseReply")]
public sealed record LicenseReply(
    [property: Id(0)] InstanceOutcome Outcome,
    [property: Id(1)] string Message,
    [property: Id(2)] LicenseSnapshot? License);
