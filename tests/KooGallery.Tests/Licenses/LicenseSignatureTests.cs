using System.Text;
using Provisioning.KooGallery.Licenses;
using Provisioning.KooGallery.Responses;

namespace Provisioning.KooGallery.Tests.Licenses;

public class LicenseSignatureTests
{
    [Fact]
    public void The_example_getLicense_authToken_is_exact()
    {
        Assert.Equal(LicenseExample.AuthToken, AuthToken.Compute(LicenseExample.Parameters(), LicenseExample.Key));
    }

    [Fact]
    public void The_example_getLicense_request_verifies_and_a_changed_parameter_does_not()
    {
        var signed = new Dictionary<string, string>(LicenseExample.Parameters()) { [AuthToken.ParameterName] = LicenseExample.AuthToken };
        Assert.True(AuthToken.Verify(signed, LicenseExample.Key));

        signed["orderId"] = "CS2403171442ABCDF";
        Assert.False(AuthToken.Verify(signed, LicenseExample.Key));
    }

    [Fact]
    public void An_unknown_parameter_is_signed_too()
    {
        var signed = new Dictionary<string, string>(LicenseExample.Parameters()) { [AuthToken.ParameterName] = LicenseExample.AuthToken, ["trialFlag"] = "0" };

        Assert.False(AuthToken.Verify(signed, LicenseExample.Key));
    }

    [Fact]
    public void The_example_answer_serializes_to_the_example_bytes()
    {
        var body = ResponseJson.Serialize(new GetLicenseResponse("000000", "success.", LicenseExample.InstanceId, "LIC-CONTENT-XYZ"));

        Assert.Equal(LicenseExample.ResponseBody, Encoding.UTF8.GetString(body));
    }

    [Fact]
    public void The_example_answer_Body_Sign_is_exact()
    {
        var header = BodySign.Compute(Encoding.UTF8.GetBytes(LicenseExample.ResponseBody), LicenseExample.Key);

        Assert.Equal($"sign_type=\"HMAC-SHA256\", signature= \"{LicenseExample.BodySignature}\"", header);
    }

    [Fact]
    public void A_failed_getLicense_answer_carries_no_license()
    {
        var body = ResponseJson.Serialize(new GetLicenseResponse("000002", "orderId is missing", null, null));

        Assert.Equal("""{"resultCode":"000002","resultMsg":"orderId is missing"}""", Encoding.UTF8.GetString(body));
    }
}
