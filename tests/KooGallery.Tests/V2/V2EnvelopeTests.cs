using Provisioning.KooGallery.V2;

namespace Provisioning.KooGallery.Tests.V2;

public class V2EnvelopeTests
{
    [Theory]
    [InlineData("""{"activity":"newInstance"}""", "newInstance")]
    [InlineData("""{"testFlag":"1","activity":"changeInstanceCheck","x":{"activity":"no"}}""", "changeInstanceCheck")]
    [InlineData("""{"activity":""}""", "")]
    [InlineData("""{"activity":1}""", null)]
    [InlineData("""{"activity":null}""", null)]
    [InlineData("""{"Activity":"newInstance"}""", null)]
    [InlineData("""{}""", null)]
    public void The_activity_is_read_only_from_a_string(string json, string? expected)
    {
        Assert.Equal(expected, V2Envelope.Activity(Json.Root(json)));
    }

    [Theory]
    [InlineData("""{"testFlag":"1"}""", true)]
    [InlineData("""{"testFlag":1}""", true)]
    [InlineData("""{"testFlag":"0"}""", false)]
    [InlineData("""{"testFlag":0}""", false)]
    [InlineData("""{}""", false)]
    [InlineData("""{"testFlag":null}""", false)]
    [InlineData("""{"testFlag":""}""", false)]
    [InlineData("""{"testFlag":"true"}""", false)]
    [InlineData("""{"testFlag":true}""", false)]
    [InlineData("""{"testFlag":" 1"}""", false)]
    [InlineData("""{"testFlag":"01"}""", false)]
    [InlineData("""{"testFlag":1.5}""", false)]
    [InlineData("""{"testFlag":["1"]}""", false)]
    public void Only_string_or_number_one_marks_a_debug_call(string json, bool expected)
    {
        Assert.Equal(expected, V2Envelope.IsTest(Json.Root(json)));
    }

    [Fact]
    public void The_activity_constants_are_the_wire_values()
    {
        Assert.Equal(
            ["newInstance", "queryInstance", "refreshInstance", "updateInstanceStatus", "releaseInstance", "upgradeInstance", "changeInstanceCheck"],
            [V2Activities.NewInstance, V2Activities.QueryInstance, V2Activities.RefreshInstance, V2Activities.UpdateInstanceStatus,
             V2Activities.ReleaseInstance, V2Activities.UpgradeInstance, V2Activities.ChangeInstanceCheck]);
    }
}
