namespace Provisioning.Grains.Orders;

/// <summary>
/// Port: where grains learn what an order line bought (for V2, the marketplace's order query API).
/// Implementations throw when the order cannot be fetched; callers retry.
/// </summary>
public interface IOrderSource
{
    Task<OrderLine> GetOrderLineAsync(string orderId, string orderLineId, CancellationToken cancellationToken);
}
