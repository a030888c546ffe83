using Provisioning.KooGallery.Kit;

namespace Provisioning.KooGallery.Tests.Kit;

public class TenantSyncRequestTests
{
    private static readonly TenantSyncRequest Expected = new(
        "huaiweitest123456", "CS1906666666ABCDE", "68cbc86abc0123456789880d92f36422fa0e", "huawei", "huaiweitest",
        "https://example.tenantaccount.com", SyncFlag.Add, false, "20220413093539534");

    [Theory]
    [InlineData(KitExample.TenantSyncV1, KitGeneration.V1)]
    [InlineData(KitExample.TenantSyncV2, KitGeneration.V2)]
    public void The_spec_examples_parse(string json, KitGeneration generation)
    {
        var parsed = TenantSyncRequest.Parse(KitExample.Root(json), generation);

        Assert.Null(parsed.Error);
        Assert.Equal(Expected, parsed.Request);
    }

    [Fact]
    public void Empty_instanceId_and_orderId_read_as_null()
    {
        var parsed = TenantSyncRequest.Parse(KitExample.Root(KitExample.TenantSyncV1WithBlankIds), KitGeneration.V1);

        Assert.Equal(Expected with { InstanceId = null, OrderId = null }, parsed.Request);
    }

    [Theory]
    [InlineData("instanceId", "instanceId is missing")]
    [InlineData("orderId", "orderId is missing")]
    [InlineData("tenantId", "tenantId is missing")]
    [InlineData("tenantCode", "tenantCode is missing")]
    [InlineData("name", "name is missing")]
    [InlineData("domainName", "domainName is missing")]
    [InlineData("flag", "flag is missing")]
    [InlineData("timeStamp", "timeStamp is missing")]
    public void A_missing_field_is_named(string field, string expected)
    {
        var parsed = TenantSyncRequest.Parse(KitExample.Root(KitExample.Without(KitExample.TenantSyncV1, field)));

        Assert.Null(parsed.Request);
        Assert.Equal(expected, parsed.Error);
    }

    [Theory]
    [InlineData("0", KitGeneration.V1, SyncFlag.Delete)]
    [InlineData("\"1\"", KitGeneration.V1, SyncFlag.Add)]
    [InlineData("2", KitGeneration.V2, SyncFlag.Modify)]
    [InlineData("\"2\"", KitGeneration.V2, SyncFlag.Modify)]
    public void The_flag_is_a_number_or_a_numeric_string(string flag, KitGeneration generation, SyncFlag expected)
    {
        var parsed = TenantSyncRequest.Parse(KitExample.Root(KitExample.With(KitExample.TenantSyncV1, "flag", flag)), generation);

        Assert.Equal(expected, parsed.Request?.Flag);
    }

    [Theory]
    [InlineData("2", KitGeneration.V1, "flag 2 is not one of 0 (delete), 1 (add)")]
    [InlineData("3", KitGeneration.V2, "flag 3 is not one of 0 (delete), 1 (add), 2 (modify)")]
    [InlineData("7", KitGeneration.V2, "flag 7 is not one of 0 (delete), 1 (add), 2 (modify)")]
    [InlineData("\"x\"", KitGeneration.V2, "flag 'x' is not an integer")]
    [InlineData("\"\"", KitGeneration.V2, "flag is missing")]
    public void A_flag_outside_the_generation_is_refused(string flag, KitGeneration generation, string expected)
    {
        var parsed = TenantSyncRequest.Parse(KitExample.Root(KitExample.With(KitExample.TenantSyncV1, "flag", flag)), generation);

        Assert.Equal(expected, parsed.Error);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("\"1\"", true)]
    [InlineData("0", false)]
    [InlineData("\"0\"", false)]
    public void The_testFlag_is_a_number_or_a_numeric_string(string testFlag, bool expected)
    {
        var parsed = TenantSyncRequest.Parse(KitExample.Root(KitExample.With(KitExample.TenantSyncV1, "testFlag", testFlag)));

        Assert.Equal(expected, parsed.Request?.Test);
    }

    [Fact]
    public void An_absent_testFlag_is_a_live_call()
    {
        Assert.False(TenantSyncRequest.Parse(KitExample.Root(KitExample.Without(KitExample.TenantSyncV1, "testFlag"))).Request?.Test);
    }

    [Theory]
    [InlineData("instanceId", 64)]
    [InlineData("orderId", 64)]
    [InlineData("tenantId", 64)]
    [InlineData("tenantCode", 64)]
    [InlineData("name", 255)]
    [InlineData("domainName", 255)]
    public void Field_lengths_are_limited(string field, int maxLength)
    {
        var fits = KitExample.With(KitExample.TenantSyncV1, field, $"\"{new string('x', maxLength)}\"");
        var tooLong = KitExample.With(KitExample.TenantSyncV1, field, $"\"{new string('x', maxLength + 1)}\"");

        Assert.Null(TenantSyncRequest.Parse(KitExample.Root(fits)).Error);
        Assert.Equal($"{field} is longer than {maxLength} characters", TenantSyncRequest.Parse(KitExample.Root(tooLong)).Error);
    }
}
