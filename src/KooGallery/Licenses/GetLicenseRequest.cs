using Provisioning.KooGallery.V1;

namespace Provisioning.KooGallery.Licenses;

/// <summary>
/// <c>getLicense</c>: a buyer paid for a License (license spec §A.2). Parameters beyond these are ignored here but were signed
/// (§8 #2). <c>testFlag</c> is not in the retired table; it is read as in every V1 call of that era.
/// </summary>
public sealed record GetLicenseRequest(
    string BusinessId,
    string OrderId,
    string CustomerId,
    string? CustomerName,
    string ProductId,
    string? SkuCode,
    DateTimeOffset? ExpireTime,
    string? PeriodType,
    int? PeriodNumber,
    int? Amount)
{
    public static Parsed<GetLicenseRequest> Parse(IReadOnlyDictionary<string, string> parameters)
    {
        var p = new ParameterReader(parameters);
        var request = new GetLicenseRequest(
            p.Required("businessId", 64),
            p.Required("orderId", 64),
            p.Required("customerId", 100),
            p.Optional("customerName", 64),
            p.Required("productId", 64),
            p.Optional("skuCode", 64),
            p.OptionalTime("expireTime"),
            p.Optional("periodType", 10),
            p.OptionalInt("periodNumber"),
            p.OptionalInt("amount"));
        return Parsed<GetLicenseRequest>.From(request, p);
    }
}
