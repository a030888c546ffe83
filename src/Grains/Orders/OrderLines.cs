using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Orders;

/// <summary>
/// Fetches the order lines an instance needs, off the grain's scheduler. Test traffic never asks the marketplace: its mock
/// orders open deterministically.
/// </summary>
internal sealed class OrderLines(Lazy<IOrderSource> source)
{
    public Task<OrderLine> FetchAsync(Traffic traffic, string orderId, string orderLineId) =>
        traffic == Traffic.Test
            ? Task.FromResult(TestOrderLines.For(orderId, orderLineId))
            : Task.Run(() => source.Value.GetOrderLineAsync(orderId, orderLineId, CancellationToken.None));
}
