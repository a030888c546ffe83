using System.Text;
using Provisioning.KooGallery.Licenses;
using Provisioning.KooGallery.Tests.V2;

namespace Provisioning.KooGallery.Tests.Licenses;

public class LicenseCodeRequestTests
{
    // license §B.3.1 test vector: the body the marketplace signed, byte for byte.
    private const string VectorBody =
        """{"activity":"refreshLicenseCode","expireTime":"20250523201932","license":"PL12345678","orderId":"CS2403171442FGHIJ","orderLineId":"CS2403171442FGHIJ-000001","scene":"RENEWAL","testFlag":"1"}""";

    [Fact]
    public void The_spec_vector_is_signed_with_the_license_key_and_parses_as_a_test_renewal()
    {
        var signature = V2Signature.Compute(Encoding.UTF8.GetBytes(VectorBody), "ISVKEY123", "RLLUammMSInlrNWb", "1710686557123");
        var parsed = RefreshLicenseCodeRequest.Parse(Json.Root(VectorBody));

        Assert.Equal("6037736508D25665901ACE68481B7428E7BD1BB8BE3EA5BEB5F3D73E1A23427C", signature);
        Assert.Equal(
            new RefreshLicenseCodeRequest("PL12345678", LicenseCodeScene.Renewal, "CS2403171442FGHIJ", "CS2403171442FGHIJ-000001", null,
                new DateTimeOffset(2025, 5, 23, 20, 19, 32, TimeSpan.Zero), IsTest: true),
            parsed.Request);
    }

    [Fact]
    public void The_spec_example_of_a_live_renewal_carries_its_new_productId()
    {
        var parsed = RefreshLicenseCodeRequest.Parse(Json.Root(
            """{"activity":"refreshLicenseCode","scene":"RENEWAL","orderId":"CS2403171442FGHIJ","orderLineId":"CS2403171442FGHIJ-000001","license":"PL12345678","productId":"00301-123456-0--0","expireTime":"20250523201932","testFlag":"0"}"""));

        Assert.Equal("00301-123456-0--0", parsed.Request!.ProductId);
        Assert.False(parsed.Request.IsTest);
    }

    [Fact]
    public void A_cancelled_renewal_period_is_its_own_scene()
    {
        var parsed = RefreshLicenseCodeRequest.Parse(Json.Root(Refresh("scene", "UNSUBSCRIBE_RENEWAL_PERIOD")));

        Assert.Equal(LicenseCodeScene.UnsubscribeRenewalPeriod, parsed.Request!.Scene);
    }

    [Theory]
    [InlineData("scene", "TRIAL_TO_FORMAL", "scene 'TRIAL_TO_FORMAL' is not RENEWAL or UNSUBSCRIBE_RENEWAL_PERIOD")]
    [InlineData("scene", "", "scene is missing")]
    [InlineData("orderId", "", "orderId is missing")]
    [InlineData("orderLineId", "", "orderLineId is missing")]
    [InlineData("expireTime", "2025-05-23", "expireTime '2025-05-23' is not a UTC time in yyyyMMddHHmmss[SSS] form")]
    [InlineData("license", "", "license is missing")]
    public void A_bad_refresh_field_is_named(string field, string value, string error)
    {
        Assert.Equal(error, RefreshLicenseCodeRequest.Parse(Json.Root(Refresh(field, value))).Error);
    }

    [Fact]
    public void A_license_longer_than_64_characters_is_refused()
    {
        var parsed = RefreshLicenseCodeRequest.Parse(Json.Root(Refresh("license", new string('P', 65))));

        Assert.Equal("license is longer than 64 characters", parsed.Error);
    }

    [Theory]
    [InlineData("FREEZE", true)]
    [InlineData("UNFREEZE", false)]
    public void A_status_change_reads_freeze_or_unfreeze(string status, bool freeze)
    {
        var parsed = UpdateLicenseCodeStatusRequest.Parse(Json.Root(
            $$"""{"activity":"updateLicenseCodeStatus","license":"PL12345678","status":"{{status}}","testFlag":"0"}"""));

        Assert.Equal(new UpdateLicenseCodeStatusRequest("PL12345678", freeze, IsTest: false), parsed.Request);
    }

    [Fact]
    public void Another_status_is_refused()
    {
        var parsed = UpdateLicenseCodeStatusRequest.Parse(Json.Root("""{"license":"PL1","status":"EXPIRE"}"""));

        Assert.Equal("status 'EXPIRE' is not FREEZE or UNFREEZE", parsed.Error);
    }

    [Fact]
    public void A_release_names_its_unsubscribe_order_when_it_has_one()
    {
        var parsed = ReleaseLicenseCodeRequest.Parse(Json.Root(
            """{"activity":"releaseLicenseCode","license":"PL12345678","orderId":"CS2404011200UNSUB","orderLineId":"CS2404011200UNSUB-000001","testFlag":"0"}"""));

        Assert.Equal(new ReleaseLicenseCodeRequest("PL12345678", "CS2404011200UNSUB", "CS2404011200UNSUB-000001", IsTest: false), parsed.Request);
    }

    [Fact]
    public void A_release_after_expiry_has_no_order()
    {
        var parsed = ReleaseLicenseCodeRequest.Parse(Json.Root("""{"activity":"releaseLicenseCode","license":"PL12345678"}"""));

        Assert.Equal(new ReleaseLicenseCodeRequest("PL12345678", null, null, IsTest: false), parsed.Request);
    }

    [Theory]
    [InlineData("\"1\"", true)]
    [InlineData("1", true)]
    [InlineData("\"0\"", false)]
    [InlineData("0", false)]
    public void The_test_flag_is_read_as_a_string_or_a_number(string flag, bool test)
    {
        var parsed = ReleaseLicenseCodeRequest.Parse(Json.Root($$"""{"license":"PL1","testFlag":{{flag}}}"""));

        Assert.Equal(test, parsed.Request!.IsTest);
    }

    private static string Refresh(string field, string value)
    {
        var fields = new Dictionary<string, string>
        {
            ["license"] = "PL1", ["scene"] = "RENEWAL", ["orderId"] = "CS1", ["orderLineId"] = "CS1-000001", ["expireTime"] = "20270101000000",
        };
        fields[field] = value;
        return System.Text.Json.JsonSerializer.Serialize(fields);
    }
}
