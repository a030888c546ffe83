using System.Text.Json;

namespace Provisioning.KooGallery.V2;

/// <summary>
/// V2 <c>changeInstanceCheck</c>: may the instance change to this specification at renewal (spec §2.7)?
/// Fields of the mandatory <c>productInfo</c> object are named <c>productInfo.…</c> in errors.
/// </summary>
public sealed record V2ChangeInstanceCheckRequest(string InstanceId, string ProductId, string SkuCode, long? LinearValue, string ProductName)
{
    public static Parsed<V2ChangeInstanceCheckRequest> Parse(JsonElement root)
    {
        var f = new FieldReader(root);
        var instanceId = f.Required("instanceId", 64);
        var product = f.RequiredObject("productInfo");
        var request = new V2ChangeInstanceCheckRequest(
            instanceId,
            product.Required("productId", 64),
            product.Required("skuCode", 64),
            product.OptionalLong("linearValue"),
            product.Required("productName", 64));
        return Parsed<V2ChangeInstanceCheckRequest>.From(request, f);
    }
}
