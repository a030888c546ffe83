using System.Text.Json;

namespace Provisioning.KooGallery.Licenses;

/// <summary><c>updateLicenseCodeStatus</c>: freeze (<c>FREEZE</c>, expired past its grace period) or unfreeze (<c>UNFREEZE</c>) the code (license spec §B.3.3).</summary>
public sealed record UpdateLicenseCodeStatusRequest(string License, bool Freeze, bool IsTest)
{
    public static Parsed<UpdateLicenseCodeStatusRequest> Parse(JsonElement root)
    {
        var f = new FieldReader(root);
        var license = f.Required(LicenseCodeFields.License, LicenseCodeFields.MaxLength);
        var freeze = f.Required("status", 32) switch
        {
            "FREEZE" => true,
            "UNFREEZE" => false,
            "" => false,
            var other => f.Fail($"status '{other}' is not FREEZE or UNFREEZE", false),
        };
        return Parsed<UpdateLicenseCodeStatusRequest>.From(new UpdateLicenseCodeStatusRequest(license, freeze, JsonEnvelope.IsTest(root)), f);
    }
}
