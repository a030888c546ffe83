using System.Collections.Concurrent;
using System.Collections.Immutable;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Orders;

namespace Provisioning.Testing;

/// <summary>
/// The marketplace's order query as the test cluster sees it. Silo configurators cannot capture test
/// instances, so each test scripts the orders it uses here, keyed by its own unique order id.
/// </summary>
public sealed class ScriptedOrders : IOrderSource
{
    private static readonly ConcurrentDictionary<string, Func<string, Task<OrderLine>>> Scripts = new();
    private static readonly ConcurrentDictionary<string, int> Calls = new();

    public static void Script(string orderId, Func<string, Task<OrderLine>> answer) => Scripts[orderId] = answer;

    public static int CallsFor(string orderId) => Calls.GetValueOrDefault(orderId);

    public static OrderLine Line(string orderId, string orderLineId, ChargingMode mode = ChargingMode.Periodic, string productId = "00301-666666-0--0", string sku = "sku-basic", int? amount = 5) => new(
        orderId,
        orderLineId,
        new Buyer("68cbc86abc2018ab880d92f36422fa0e", "buyer", null, null, null, null),
        new Plan(productId, sku, mode, new Quantities(amount, null, null), "month", 1),
        Trial: false,
        new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
        10m,
        ImmutableDictionary<string, string>.Empty);

    public Task<OrderLine> GetOrderLineAsync(string orderId, string orderLineId, CancellationToken cancellationToken)
    {
        Calls.AddOrUpdate(orderId, 1, (_, n) => n + 1);
        return Scripts.TryGetValue(orderId, out var answer) ? answer(orderLineId) : Task.FromResult(Line(orderId, orderLineId));
    }
}
