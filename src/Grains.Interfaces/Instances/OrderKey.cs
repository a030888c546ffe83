namespace Provisioning.Grains.Instances;

/// <summary>
/// The idempotency key of the order that opens an instance: the marketplace may repeat the opening
/// call any number of times, and every repeat must land on the same instance.
/// </summary>
public readonly record struct OrderKey
{
    private OrderKey(string name) => Name = name;

    /// <summary>The canonical text the instance id is derived from.</summary>
    public string Name { get; }

    /// <summary>One instance per order (V1 periodic and one-time orders).</summary>
    public static OrderKey ForOrder(string orderId) => new($"order:{orderId}");

    /// <summary>One instance per order line (V2).</summary>
    public static OrderKey ForOrderLine(string orderId, string orderLineId) => new($"order-line:{orderId}/{orderLineId}");

    /// <summary>One instance per product of an order (pay-per-use: one order can open several products).</summary>
    public static OrderKey ForOrderProduct(string orderId, string productId) => new($"order-product:{orderId}/{productId}");
}
