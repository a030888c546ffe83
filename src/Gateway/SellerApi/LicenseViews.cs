using Provisioning.Grains.Licenses;

namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// Whether the seller's software may run on an activation code now: its status, expiry and activation, when KooGallery last
/// confirmed it, until when the software may run without reaching KooGallery again (null when it may not run), and a message
/// to show its user.
/// </summary>
public sealed record LicenseCodeStatus(
    string Code,
    bool MayRun,
    CodeState Status,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? ActivatedAt,
    DateTimeOffset? LastCheckedAt,
    DateTimeOffset? OfflineUntil,
    string? ProductId,
    string? OrderId,
    int? Amount,
    string Message)
{
    public static LicenseCodeStatus From(CodeStanding s) =>
        new(s.Code, s.MayRun, s.State, s.ExpiresAt, s.ActivatedAt, s.LastCheckedAt, s.OfflineUntil, s.ProductId, s.OrderId, s.Amount, s.Message);
}

/// <summary>The body of <c>POST /api/licenses/{code}/activate</c> (optional): when the service starts, if not now (UTC, ISO 8601).</summary>
public sealed record ActivateLicenseBody(DateTimeOffset? EffectiveAt);

/// <summary>The body of <c>POST /api/licenses/{code}/usage</c>: the end users or devices that used the software, or an active count; exactly one.</summary>
public sealed record LicenseUsageBody(IReadOnlyList<string>? UserIds, int? ActiveCount);

/// <summary>KooGallery took the usage report.</summary>
public sealed record LicenseUsageAccepted(string Code, string Message);
