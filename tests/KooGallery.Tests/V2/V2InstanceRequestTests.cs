using Provisioning.KooGallery.V2;

namespace Provisioning.KooGallery.Tests.V2;

/// <summary>updateInstanceStatus, releaseInstance and upgradeInstance (spec §2.4–§2.6).</summary>
public class V2InstanceRequestTests
{
    [Theory]
    [InlineData("FREEZE", true)]
    [InlineData("UNFREEZE", false)]
    public void The_spec_status_example_parses(string status, bool freeze)
    {
        var parsed = V2UpdateInstanceStatusRequest.Parse(Json.Root(
            $$"""{"activity":"updateInstanceStatus","instanceId":"i-1","status":"{{status}}","testFlag":"1"}"""));

        Assert.Equal(new V2UpdateInstanceStatusRequest("i-1", freeze), parsed.Request);
    }

    [Theory]
    [InlineData("""{"instanceId":"i","status":"NORMAL"}""", "status 'NORMAL' is not FREEZE or UNFREEZE")]
    [InlineData("""{"instanceId":"i","status":"freeze"}""", "status 'freeze' is not FREEZE or UNFREEZE")]
    [InlineData("""{"instanceId":"i"}""", "status is missing")]
    [InlineData("""{"instanceId":"i","status":1}""", "status is not a JSON string")]
    [InlineData("""{"status":"FREEZE"}""", "instanceId is missing")]
    public void A_bad_status_request_is_named(string json, string expected)
    {
        var parsed = V2UpdateInstanceStatusRequest.Parse(Json.Root(json));

        Assert.Null(parsed.Request);
        Assert.Equal(expected, parsed.Error);
    }

    [Fact]
    public void The_spec_release_example_parses()
    {
        var parsed = V2ReleaseInstanceRequest.Parse(Json.Root(
            """{"activity":"releaseInstance","instanceId":"10e758d0","orderId":"CS2211181819B4LVS","orderLineId":"CS2211181819B4LVS-000001","testFlag":"0"}"""));

        Assert.Equal(new V2ReleaseInstanceRequest("10e758d0", "CS2211181819B4LVS", "CS2211181819B4LVS-000001"), parsed.Request);
    }

    [Fact]
    public void A_release_without_an_unsubscribe_order_parses()
    {
        Assert.Equal(new V2ReleaseInstanceRequest("i", null, null),
            V2ReleaseInstanceRequest.Parse(Json.Root("""{"activity":"releaseInstance","instanceId":"i","orderId":""}""")).Request);
    }

    [Theory]
    [InlineData("""{"orderId":"o"}""", "instanceId is missing")]
    [InlineData("""{"instanceId":"i","orderId":7}""", "orderId is not a JSON string")]
    [InlineData("""{"instanceId":"i","orderLineId":"0123456789012345678901234567890123456789012345678901234567890123X"}""", "orderLineId is longer than 64 characters")]
    public void A_bad_release_request_is_named(string json, string expected)
    {
        Assert.Equal(expected, V2ReleaseInstanceRequest.Parse(Json.Root(json)).Error);
    }

    [Fact]
    public void An_upgrade_parses()
    {
        Assert.Equal(new V2UpgradeInstanceRequest("i", "CS2", "CS2-000001"), V2UpgradeInstanceRequest.Parse(Json.Root(
            """{"activity":"upgradeInstance","instanceId":"i","orderId":"CS2","orderLineId":"CS2-000001","testFlag":"1"}""")).Request);
    }

    [Theory]
    [InlineData("""{"orderId":"o","orderLineId":"l"}""", "instanceId is missing")]
    [InlineData("""{"instanceId":"i","orderLineId":"l"}""", "orderId is missing")]
    [InlineData("""{"instanceId":"i","orderId":"o"}""", "orderLineId is missing")]
    [InlineData("""{"instanceId":"i","orderId":"o","orderLineId":1}""", "orderLineId is not a JSON string")]
    public void A_bad_upgrade_request_is_named(string json, string expected)
    {
        Assert.Equal(expected, V2UpgradeInstanceRequest.Parse(Json.Root(json)).Error);
    }
}
