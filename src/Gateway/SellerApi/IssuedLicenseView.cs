using Provisioning.Grains.Licenses;

namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// An issued License as the buyer's software needs it: the License to hold (<see cref="License"/>, the latest issued), whether it
/// may run now (active and not past its expiry), what it grants, and when the first License was issued.
/// </summary>
public sealed record IssuedLicenseView(
    string InstanceId,
    bool MayRun,
    LicenseStatus Status,
    string ProductId,
    string? SkuCode,
    string CustomerId,
    int? Quantity,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset FirstIssuedAt,
    string License)
{
    public static IssuedLicenseView From(LicenseSnapshot license, DateTimeOffset now) => new(
        license.InstanceId,
        license.Status == LicenseStatus.Active && (license.ExpiresAt is null || license.ExpiresAt > now),
        license.Status,
        license.ProductId,
        license.SkuCode,
        license.CustomerId,
        license.Quantity,
        license.ExpiresAt,
        license.IssuedAt,
        license.CurrentLicense);
}
