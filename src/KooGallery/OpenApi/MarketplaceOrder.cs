namespace Provisioning.KooGallery.OpenApi;

/// <summary>
/// A marketplace order as the order query returns it (license §D.1): what a V2 newInstance, refreshInstance or
/// upgradeInstance is about.
/// </summary>
public sealed record MarketplaceOrder(
    string OrderId,
    OrderType Type,
    DateTimeOffset? CreatedAt,
    OrderBuyer Buyer,
    IReadOnlyList<MarketplaceOrderLine> Lines,
    IReadOnlyList<ExtendParam> ExtendParams)
{
    /// <summary>True for a trial order; V2 requests themselves carry no trial flag (spec §0.3).</summary>
    public bool IsTrial => Type == OrderType.Trial;

    /// <summary>The line with this id, or null.</summary>
    public MarketplaceOrderLine? Line(string orderLineId) => Lines.FirstOrDefault(line => line.OrderLineId == orderLineId);
}

/// <summary>The buyer of an order; the private fields are present only when the product is configured to receive them.</summary>
public sealed record OrderBuyer(string? CustomerId, string? CustomerName, string? UserId, string? UserName, string? MobilePhone, string? Email);

/// <summary>One line of an order: what was bought, how it is charged, and until when.</summary>
public sealed record MarketplaceOrderLine(
    string OrderLineId,
    OrderChargingMode ChargingMode,
    DateTimeOffset? ExpireTime,
    string? PeriodType,
    int? PeriodNumber,
    string? Currency,
    decimal? AmountAfterDiscount,
    IReadOnlyList<OrderProduct> Products,
    IReadOnlyList<ExtendParam> ExtendParams);

/// <summary>A product of an order line, with its SKU and linear quantity.</summary>
public sealed record OrderProduct(string ProductId, string? SkuCode, long? LinearValue, string? ProductName);
