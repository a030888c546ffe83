using Provisioning.Grains.Instances;

namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// An instance as the seller's application reads it, from its grain: never the initial user name or password the buyer was
/// handed. (The admin's call history of the instance is to be added beside it.)
/// </summary>
public sealed record InstanceDetailView(
    string InstanceId, bool Test, InstanceStatus Status, string OrderId, string? CustomerId, PlanView? Plan, bool Trial, DateTimeOffset? ExpiresAt,
    DateTimeOffset? OpenedAt, AccessView? Access)
{
    /// <summary>With the admin key: the newest page of the marketplace calls that touched the instance (as <c>/history</c> answers it).</summary>
    public CallHistoryPage? History { get; init; }

    public static InstanceDetailView From(InstanceSnapshot s) => new(
        s.InstanceId, s.Traffic == Traffic.Test, s.Status, s.OrderId, s.Buyer?.CustomerId,
        s.Plan is { } p ? new PlanView(p.ProductId, p.SkuCode, p.ChargingMode, p.Quantities.Amount, p.Quantities.DiskSizeGb, p.Quantities.BandwidthMbps, p.PeriodType, p.PeriodNumber) : null,
        s.Trial, s.ExpiresAt, s.Plan is null ? null : s.OpenedAt, s.Access is { } a ? new AccessView(a.FrontEndUrl, a.AdminUrl) : null);
}

/// <summary>What the instance's buyer bought.</summary>
public sealed record PlanView(
    string ProductId, string? SkuCode, ChargingMode ChargingMode, int? Amount, int? DiskSizeGb, int? BandwidthMbps, string? PeriodType, int? PeriodNumber);

/// <summary>Where the buyer reaches the instance.</summary>
public sealed record AccessView(string FrontEndUrl, string? AdminUrl);

/// <summary>A page of the instance list; pass <c>NextCursor</c> as <c>cursor</c> for the next one (null on the last page).</summary>
public sealed record InstanceListPage(IReadOnlyList<InstanceListItem> Instances, string? NextCursor);

/// <summary>One instance of the list, from the query model.</summary>
public sealed record InstanceListItem(
    string InstanceId, bool Test, InstanceStatus Status, string? ProductId, string? SkuCode, ChargingMode? ChargingMode, bool Trial, string? CustomerId,
    string OpeningOrderId, string? LastOrderId, DateTimeOffset? ExpiresAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, long Version)
{
    public static InstanceListItem From(InstanceView v) => new(
        v.InstanceId, v.Traffic == Traffic.Test, v.Status, v.ProductId, v.SkuCode, v.ChargingMode, v.Trial, v.CustomerId, v.OpeningOrderId, v.LastOrderId,
        v.ExpiresAt, v.CreatedAt, v.UpdatedAt, v.Version);
}
