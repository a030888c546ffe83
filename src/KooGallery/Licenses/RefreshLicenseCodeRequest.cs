using System.Text.Json;

namespace Provisioning.KooGallery.Licenses;

/// <summary>Why <c>refreshLicenseCode</c> sets a new expiry (license spec §B.3.2, field <c>scene</c>).</summary>
public enum LicenseCodeScene
{
    /// <summary><c>RENEWAL</c>: the buyer renewed.</summary>
    Renewal,

    /// <summary><c>UNSUBSCRIBE_RENEWAL_PERIOD</c>: a renewal period not yet in effect was refunded; the expiry moves earlier.</summary>
    UnsubscribeRenewalPeriod,
}

/// <summary>
/// <c>refreshLicenseCode</c>: the code's new expiry, to be set (never added to the old one), once per <see cref="OrderId"/>
/// (license spec §B.3.2).
/// </summary>
public sealed record RefreshLicenseCodeRequest(
    string License, LicenseCodeScene Scene, string OrderId, string OrderLineId, string? ProductId, DateTimeOffset ExpireTime, bool IsTest)
{
    public static Parsed<RefreshLicenseCodeRequest> Parse(JsonElement root)
    {
        var f = new FieldReader(root);
        var request = new RefreshLicenseCodeRequest(
            f.Required(LicenseCodeFields.License, LicenseCodeFields.MaxLength),
            ReadScene(f),
            f.Required("orderId", 64),
            f.Required("orderLineId", 64),
            f.Optional("productId", 64),
            f.RequiredTime("expireTime"),
            JsonEnvelope.IsTest(root));
        return Parsed<RefreshLicenseCodeRequest>.From(request, f);
    }

    private static LicenseCodeScene ReadScene(FieldReader f) => f.Required("scene", 64) switch
    {
        "RENEWAL" => LicenseCodeScene.Renewal,
        "UNSUBSCRIBE_RENEWAL_PERIOD" => LicenseCodeScene.UnsubscribeRenewalPeriod,
        "" => default,
        var other => f.Fail($"scene '{QuotedText.Shorten(other, 64)}' is not RENEWAL or UNSUBSCRIBE_RENEWAL_PERIOD", default(LicenseCodeScene)),
    };
}
