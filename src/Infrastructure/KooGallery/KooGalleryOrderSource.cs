using System.Collections.Immutable;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery.OpenApi;

using Provisioning.Grains.Orders;

namespace Provisioning.Infrastructure.KooGallery;

/// <summary>Adapter: order lines from KooGallery's order query open API, in the grains' own words.</summary>
internal sealed class KooGalleryOrderSource(OrderQueryClient client) : IOrderSource
{
    public async Task<OrderLine> GetOrderLineAsync(string orderId, string orderLineId, CancellationToken cancellationToken)
    {
        var order = await client.QueryAsync(orderId, orderLineId, cancellationToken);
        var line = order.Lines.FirstOrDefault(l => l.OrderLineId == orderLineId)
            ?? throw new InvalidOperationException($"KooGallery's order {orderId} has no line {orderLineId}");
        var product = line.Products.FirstOrDefault()
            ?? throw new InvalidOperationException($"KooGallery's order line {orderLineId} names no product");

        var buyer = order.Buyer;
        return new OrderLine(
            order.OrderId,
            line.OrderLineId,
            new Buyer(buyer.CustomerId ?? "", buyer.CustomerName, buyer.UserId, buyer.UserName, buyer.MobilePhone, buyer.Email),
            new Plan(product.ProductId, product.SkuCode, ChargingModeOf(line.ChargingMode), new Quantities(Quantity(product.LinearValue), null, null), line.PeriodType, line.PeriodNumber),
            order.Type == OrderType.Trial,
            line.ExpireTime,
            line.AmountAfterDiscount,
            order.ExtendParams.Concat(line.ExtendParams).Aggregate(ImmutableDictionary<string, string>.Empty, (all, p) => all.SetItem(p.Name, p.Value)));
    }

    private static int? Quantity(long? linearValue) =>
        linearValue is { } value && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    private static ChargingMode ChargingModeOf(OrderChargingMode mode) => mode switch
    {
        OrderChargingMode.Period => ChargingMode.Periodic,
        OrderChargingMode.OneTime => ChargingMode.OneTime,
        OrderChargingMode.OnDemand => ChargingMode.PayPerUse,
        OrderChargingMode.OnDemandPackage => ChargingMode.PayPerUsePackage,
        _ => ChargingMode.Unspecified,
    };
}
