using System.Text.Json;

namespace Provisioning.KooGallery.Licenses;

/// <summary>
/// <c>releaseLicenseCode</c>: revoke the code for good; the order is present only when an unsubscription caused it (license spec
/// §B.3.4, §E).
/// </summary>
public sealed record ReleaseLicenseCodeRequest(string License, string? OrderId, string? OrderLineId, bool IsTest)
{
    public static Parsed<ReleaseLicenseCodeRequest> Parse(JsonElement root)
    {
        var f = new FieldReader(root);
        var request = new ReleaseLicenseCodeRequest(
            f.Required(LicenseCodeFields.License, LicenseCodeFields.MaxLength), f.Optional("orderId", 64), f.Optional("orderLineId", 64), JsonEnvelope.IsTest(root));
        return Parsed<ReleaseLicenseCodeRequest>.From(request, f);
    }
}
