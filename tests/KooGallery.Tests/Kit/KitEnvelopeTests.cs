using Provisioning.KooGallery.Kit;

namespace Provisioning.KooGallery.Tests.Kit;

public class KitEnvelopeTests
{
    [Theory]
    [InlineData("""{"testFlag":1}""", true)]
    [InlineData("""{"testFlag":"1"}""", true)]
    [InlineData("""{"testFlag":0}""", false)]
    [InlineData("""{"testFlag":"0"}""", false)]
    [InlineData("""{}""", false)]
    [InlineData("""{"testFlag":true}""", false)]
    public void Only_testFlag_1_is_a_debug_call(string json, bool expected)
    {
        Assert.Equal(expected, KitEnvelope.IsTest(KitExample.Root(json)));
    }
}
