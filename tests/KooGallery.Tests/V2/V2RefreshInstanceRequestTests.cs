using Provisioning.KooGallery.V2;

namespace Provisioning.KooGallery.Tests.V2;

public class V2RefreshInstanceRequestTests
{
    // §2.3: the example expireTime has milliseconds although the table says 14 digits.
    private const string Example =
        """{"activity":"refreshInstance","expireTime":"20221124023618256","instanceId":"i-1","orderId":"CS2211181819B4LVS","orderLineId":"CS2211181819B4LVS-000001","productId":"00301-666666-0--0","scene":"RENEWAL","testFlag":"1"}""";

    [Fact]
    public void The_spec_example_parses_with_its_millisecond_expireTime()
    {
        var parsed = V2RefreshInstanceRequest.Parse(Json.Root(Example));

        Assert.Null(parsed.Error);
        Assert.Equal(
            new V2RefreshInstanceRequest("i-1", "CS2211181819B4LVS", "CS2211181819B4LVS-000001", RefreshScene.Renewal, "00301-666666-0--0",
                new DateTimeOffset(2022, 11, 24, 2, 36, 18, 256, TimeSpan.Zero)),
            parsed.Request);
    }

    [Theory]
    [InlineData("TRIAL_TO_FORMAL", RefreshScene.TrialToFormal)]
    [InlineData("RENEWAL", RefreshScene.Renewal)]
    [InlineData("UNSUBSCRIBE_RENEWAL_PERIOD", RefreshScene.UnsubscribeRenewalPeriod)]
    [InlineData("RENEWAL_CHANGE", RefreshScene.RenewalChange)]
    public void Each_scene_maps_to_its_value(string wire, RefreshScene expected)
    {
        Assert.Equal(expected, V2RefreshInstanceRequest.Parse(Json.Root(Body("scene", wire))).Request!.Scene);
    }

    [Fact]
    public void A_14_digit_expireTime_parses_and_productId_is_optional()
    {
        var parsed = V2RefreshInstanceRequest.Parse(Json.Root(
            """{"instanceId":"i","orderId":"o","orderLineId":"l","scene":"TRIAL_TO_FORMAL","expireTime":"20260131235959"}"""));

        Assert.Null(parsed.Request!.ProductId);
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 23, 59, 59, TimeSpan.Zero), parsed.Request.ExpireTime);
    }

    [Theory]
    [InlineData("scene", "renewal", "scene 'renewal' is not TRIAL_TO_FORMAL, RENEWAL, UNSUBSCRIBE_RENEWAL_PERIOD or RENEWAL_CHANGE")]
    [InlineData("scene", "RENEW", "scene 'RENEW' is not TRIAL_TO_FORMAL, RENEWAL, UNSUBSCRIBE_RENEWAL_PERIOD or RENEWAL_CHANGE")]
    [InlineData("scene", "", "scene is missing")]
    [InlineData("expireTime", "2026-01-31T23:59:59Z", "expireTime '2026-01-31T23:59:59Z' is not a UTC time in yyyyMMddHHmmss[SSS] form")]
    [InlineData("expireTime", "202601312359590", "expireTime '202601312359590' is not a UTC time in yyyyMMddHHmmss[SSS] form")]
    [InlineData("expireTime", "20260231000000", "expireTime '20260231000000' is not a UTC time in yyyyMMddHHmmss[SSS] form")]
    [InlineData("expireTime", "", "expireTime is missing")]
    [InlineData("expireTime", "202601312359591234567", "expireTime is longer than 20 characters")]
    [InlineData("instanceId", "", "instanceId is missing")]
    [InlineData("orderLineId", "", "orderLineId is missing")]
    public void A_bad_field_is_named(string field, string value, string expected)
    {
        var parsed = V2RefreshInstanceRequest.Parse(Json.Root(Body(field, value)));

        Assert.Null(parsed.Request);
        Assert.Equal(expected, parsed.Error);
    }

    [Fact]
    public void A_numeric_expireTime_is_refused_as_not_a_string()
    {
        Assert.Equal("expireTime is not a JSON string", V2RefreshInstanceRequest.Parse(Json.Root(
            """{"instanceId":"i","orderId":"o","orderLineId":"l","scene":"RENEWAL","expireTime":20260131235959}""")).Error);
    }

    [Fact]
    public void The_first_problem_in_field_order_is_reported()
    {
        Assert.Equal("instanceId is missing", V2RefreshInstanceRequest.Parse(Json.Root("""{"scene":"X","expireTime":"x"}""")).Error);
    }

    private static string Body(string field, string value)
    {
        var fields = new Dictionary<string, string>
        {
            ["activity"] = "refreshInstance", ["instanceId"] = "i", ["orderId"] = "o", ["orderLineId"] = "l",
            ["scene"] = "RENEWAL", ["expireTime"] = "20260131235959",
        };
        fields[field] = value;
        return System.Text.Json.JsonSerializer.Serialize(fields);
    }
}
