using Provisioning.KooGallery.Kit;

namespace Provisioning.KooGallery.Tests.Kit;

public class SingleOrgSyncRequestTests
{
    [Fact]
    public void The_spec_example_parses_with_an_empty_parent_as_null()
    {
        var parsed = SingleOrgSyncRequest.Parse(KitExample.Root(KitExample.SingleOrgSync));

        Assert.Null(parsed.Error);
        Assert.Equal(
            new SingleOrgSyncRequest(
                "61e834ba-7b97-4418-b8c7-2a2b0bd1c1a7", "68cbc86abc0123456789880d92f36422fa0e", "10000", "R&D", null,
                SyncFlag.Add, false, "20240315151130456"),
            parsed.Request);
    }

    [Fact]
    public void The_name_may_come_as_name()
    {
        var body = KitExample.With(KitExample.Without(KitExample.SingleOrgSync, "orgName"), "name", "\"QA\"");

        Assert.Equal("QA", SingleOrgSyncRequest.Parse(KitExample.Root(body)).Request?.OrgName);
    }

    [Theory]
    [InlineData("0", SyncFlag.Delete)]
    [InlineData("1", SyncFlag.Add)]
    [InlineData("\"2\"", SyncFlag.Modify)]
    public void Delete_add_and_modify_are_allowed(string flag, SyncFlag expected)
    {
        Assert.Equal(expected, SingleOrgSyncRequest.Parse(KitExample.Root(KitExample.With(KitExample.SingleOrgSync, "flag", flag))).Request?.Flag);
    }

    [Fact]
    public void Cancel_authorization_is_refused()
    {
        Assert.Equal(
            "flag 3 is not one of 0 (delete), 1 (add), 2 (modify)",
            SingleOrgSyncRequest.Parse(KitExample.Root(KitExample.With(KitExample.SingleOrgSync, "flag", "3"))).Error);
    }

    [Theory]
    [InlineData("orgCode", "orgCode is missing")]
    [InlineData("orgName", "orgName (or name) is missing")]
    [InlineData("tenantId", "tenantId is missing")]
    public void A_missing_field_is_named(string field, string expected)
    {
        Assert.Equal(expected, SingleOrgSyncRequest.Parse(KitExample.Root(KitExample.Without(KitExample.SingleOrgSync, field))).Error);
    }

    [Fact]
    public void The_name_holds_at_most_128_characters()
    {
        var body = KitExample.With(KitExample.SingleOrgSync, "orgName", $"\"{new string('x', 129)}\"");

        Assert.Equal("orgName is longer than 128 characters", SingleOrgSyncRequest.Parse(KitExample.Root(body)).Error);
    }
}
