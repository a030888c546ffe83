using System.Text.Json;
using Provisioning.KooGallery;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>The order query's success answer (license §D.1) for a scripted order: the whole order, or only the asked-for line.</summary>
internal static class OrderAnswer
{
    public const string Success = "MKT.0000";

    public static string Json(string orderId, string? orderLineId, OrderScript script)
    {
        var lines = script.OrderLineIds.Where(id => orderLineId is null || id == orderLineId).Select(id => new
        {
            orderLineId = id,
            chargingMode = script.ChargingMode,
            expireTime = script.ExpireTime is { } expiry ? KooGalleryTime.FormatSeconds(expiry) : null,
            periodType = script.ChargingMode == OrderScript.Period ? "year" : null,
            periodNumber = script.ChargingMode == OrderScript.Period ? 1 : (int?)null,
            currency = "CNY",
            currencyAfterDiscount = 999.0m,
            productInfo = new[] { new { productId = script.ProductId, skuCode = script.SkuCode, linearValue = script.LinearValue, productName = "Simulator product" } },
        });
        return JsonSerializer.Serialize(new
        {
            resultCode = Success,
            resultMsg = "Success.",
            orderInfo = new
            {
                orderId,
                orderType = script.OrderType,
                createTime = KooGalleryTime.FormatSeconds(DateTimeOffset.UtcNow),
                buyerInfo = new { customerId = script.CustomerId, customerName = "KooGallery simulator" },
                orderLine = lines,
            },
        });
    }
}
