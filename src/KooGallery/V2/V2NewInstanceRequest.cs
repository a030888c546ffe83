using System.Text.Json;

namespace Provisioning.KooGallery.V2;

/// <summary>
/// V2 <c>newInstance</c>: an order line was paid for (spec §2.1). Everything about the purchase comes from the
/// order query, not from this request.
/// </summary>
public sealed record V2NewInstanceRequest(string OrderId, string OrderLineId, string BusinessId)
{
    public static Parsed<V2NewInstanceRequest> Parse(JsonElement root)
    {
        var f = new FieldReader(root);
        var request = new V2NewInstanceRequest(f.Required("orderId", 64), f.Required("orderLineId", 64), f.Required("businessId", 64));
        return Parsed<V2NewInstanceRequest>.From(request, f);
    }
}
