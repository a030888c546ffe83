using Provisioning.KooGallery;

namespace Provisioning.Simulator.Scenarios;

/// <summary>The parameters of a V1 purchase, as the marketplace sends them for one order.</summary>
public static class V1Purchase
{
    /// <summary>The <c>chargingMode</c> of a pay-per-use (按需) order.</summary>
    public const string PayPerUse = "0";

    /// <summary>The <c>chargingMode</c> of a periodic (包周期) order.</summary>
    public const string Periodic = "1";

    /// <summary>The <c>chargingMode</c> of a one-time (按次) order.</summary>
    public const string OneTime = "3";

    /// <summary>A fresh order id in the marketplace's format.</summary>
    public static string NewOrderId() => "CS" + Guid.NewGuid().ToString("N")[..15].ToUpperInvariant();

    /// <summary>An expiry a year from now, as <c>expireTime</c>.</summary>
    public static string NextYear() => KooGalleryTime.FormatSeconds(DateTimeOffset.UtcNow.AddYears(1));

    /// <summary>The newInstance parameters of an order; only periodic orders carry an expiry and a period.</summary>
    public static (string Name, string Value)[] NewInstance(string orderId, string chargingMode, params (string Name, string Value)[] extra)
    {
        (string, string)[] common =
        [
            ("businessId", Guid.NewGuid().ToString()),
            ("orderId", orderId),
            ("customerId", "simulator-customer-0001"),
            ("customerName", "KooGallery simulator"),
            ("productId", "00301-simulator-0--0"),
            ("skuCode", "simulator-sku-basic"),
            ("chargingMode", chargingMode),
        ];
        (string, string)[] period = chargingMode == Periodic
            ? [("expireTime", NextYear()), ("periodType", "year"), ("periodNumber", "1"), ("orderAmount", "999.000")]
            : [];
        return [.. common, .. period, .. extra];
    }

    /// <summary>The same purchase as sent again by the marketplace: every parameter kept, a new businessId.</summary>
    public static (string Name, string Value)[] Resent((string Name, string Value)[] purchase) =>
        [.. purchase.Select(p => p.Name == "businessId" ? (p.Name, Guid.NewGuid().ToString()) : p)];
}
