using System.Collections.Immutable;
using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Orders;

/// <summary>
/// The order line assumed for test traffic: the debugger and dial tests replay saved cases with mock orders,
/// so their instances open deterministically without asking the marketplace anything.
/// </summary>
internal static class TestOrderLines
{
    public static OrderLine For(string orderId, string orderLineId) => new(
        orderId,
        orderLineId,
        new Buyer("test-customer", "KooGallery test", null, null, null, null),
        new Plan("test-product", "test-sku", ChargingMode.Periodic, Quantities.None, "month", 1),
        Trial: false,
        ExpiresAt: null,
        Amount: null,
        ImmutableDictionary<string, string>.Empty);
}
