using Provisioning.KooGallery.Kit;

namespace Provisioning.KooGallery.Tests.Kit;

public class AllOrgSyncRequestTests
{
    private static readonly KitDepartment[] ExampleDepartments =
    [
        new("00000001", "Product", "265789314"),
        new("00000002", "QA", "265789314"),
    ];

    [Theory]
    [InlineData(KitExample.AllOrgSyncV1)]
    [InlineData(KitExample.AllOrgSyncV2)]
    public void The_spec_examples_parse(string json)
    {
        var parsed = AllOrgSyncRequest.Parse(KitExample.Root(json));

        Assert.Null(parsed.Error);
        var request = parsed.Request!;
        Assert.Equal(("61e834ba-7b97-4418-b8c7-2a2b0bd1c1a7", "68cbc86abc0123456789880d92f36422fa0e", false, "20240315151130456"),
            (request.InstanceId, request.TenantId, request.Test, request.TimeStamp));
        Assert.Equal(ExampleDepartments, request.Departments);
    }

    [Fact]
    public void The_documented_unquoted_keys_parse()
    {
        var body = KitExample.With(KitExample.AllOrgSyncV1, "orgInfo",
            "\"[{orgCode:\\\"00000001\\\", name:\\\"Product\\\", parentCode:\\\"265789314\\\"},{orgCode:\\\"00000002\\\", name:\\\"QA\\\", parentCode:\\\"265789314\\\"}]\"");

        Assert.Equal(ExampleDepartments, AllOrgSyncRequest.Parse(KitExample.Root(body)).Request?.Departments);
    }

    [Theory]
    [InlineData("orgInfo", """[{"orgCode":"1","orgName":"A"}]""")]
    [InlineData("orgInfo", """[{"orgCode":"1","name":"A"}]""")]
    [InlineData("orgInfoList", """[{"orgCode":"1","name":"A","parentCode":""}]""")]
    [InlineData("orgInfoList", """[{"orgCode":"1","orgName":"A","parentCode":null}]""")]
    public void Either_field_and_either_name_key_is_accepted(string field, string list)
    {
        var body = $$"""{"instanceId":"","tenantId":"t","{{field}}":{{list}},"testFlag":1,"timeStamp":"20240315151130456"}""";

        var request = AllOrgSyncRequest.Parse(KitExample.Root(body)).Request!;

        Assert.Equal([new KitDepartment("1", "A", null)], request.Departments);
        Assert.Null(request.InstanceId);
        Assert.True(request.Test);
    }

    [Fact]
    public void An_orgName_wins_over_a_name()
    {
        var body = KitExample.With(KitExample.AllOrgSyncV2, "orgInfoList", """[{"orgCode":"1","orgName":"A","name":"B"}]""");

        Assert.Equal("A", AllOrgSyncRequest.Parse(KitExample.Root(body)).Request?.Departments.Single().OrgName);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("\"x\"")]
    public void A_flag_is_ignored(string flag)
    {
        Assert.Null(AllOrgSyncRequest.Parse(KitExample.Root(KitExample.With(KitExample.AllOrgSyncV2, "flag", flag))).Error);
    }

    [Fact]
    public void A_repeated_orgCode_is_refused_by_code()
    {
        var body = KitExample.With(KitExample.AllOrgSyncV2, "orgInfoList", """[{"orgCode":"7","orgName":"A"},{"orgCode":"7","orgName":"B"}]""");

        Assert.Equal("orgInfoList holds orgCode '7' more than once", AllOrgSyncRequest.Parse(KitExample.Root(body)).Error);
    }

    [Fact]
    public void Twenty_thousand_departments_are_allowed_and_one_more_refused()
    {
        Assert.Equal(20_000, Parse(20_000).Request?.Departments.Count);
        Assert.Equal("orgInfoList has 20001 departments; at most 20000 are allowed", Parse(20_001).Error);
    }

    [Theory]
    [InlineData("""{"tenantId":"t","instanceId":"","timeStamp":"1"}""", "orgInfoList (or orgInfo) is missing")]
    [InlineData("""{"tenantId":"t","instanceId":"","timeStamp":"1","orgInfo":""}""", "orgInfo is missing")]
    [InlineData("""{"tenantId":"t","instanceId":"","timeStamp":"1","orgInfo":"[{orgCode:1"}""", "orgInfo is not a JSON array (or a string holding one)")]
    [InlineData("""{"tenantId":"t","instanceId":"","timeStamp":"1","orgInfoList":[{"orgName":"A"}]}""", "orgInfoList[0].orgCode is missing")]
    [InlineData("""{"tenantId":"t","instanceId":"","timeStamp":"1","orgInfoList":[{"orgCode":"1"}]}""", "orgInfoList[0].orgName (or name) is missing")]
    [InlineData("""{"tenantId":"t","instanceId":"","timeStamp":"1","orgInfoList":[1]}""", "orgInfoList[0] is not a JSON object")]
    [InlineData("""{"tenantId":"t","timeStamp":"1","orgInfoList":[]}""", "instanceId is missing")]
    [InlineData("""{"instanceId":"","timeStamp":"1","orgInfoList":[]}""", "tenantId is missing")]
    [InlineData("""{"tenantId":"t","instanceId":"","orgInfoList":[]}""", "timeStamp is missing")]
    public void A_missing_or_bad_field_is_named(string json, string expected)
    {
        var parsed = AllOrgSyncRequest.Parse(KitExample.Root(json));

        Assert.Null(parsed.Request);
        Assert.Equal(expected, parsed.Error);
    }

    private static Parsed<AllOrgSyncRequest> Parse(int count)
    {
        var items = Enumerable.Range(0, count).Select(i => $$"""{"orgCode":"{{i}}","orgName":"D{{i}}","parentCode":"root"}""");
        return AllOrgSyncRequest.Parse(KitExample.Root(KitExample.With(KitExample.AllOrgSyncV2, "orgInfoList", $"[{string.Join(',', items)}]")));
    }
}
