using Provisioning.KooGallery.Kit;

namespace Provisioning.KooGallery.Tests.Kit;

public class ApplicationSyncRequestTests
{
    [Theory]
    [InlineData(KitGeneration.V1)]
    [InlineData(KitGeneration.V2)]
    public void The_spec_example_parses(KitGeneration generation)
    {
        var parsed = ApplicationSyncRequest.Parse(KitExample.Root(KitExample.ApplicationSync), generation);

        Assert.Null(parsed.Error);
        Assert.Equal(
            new ApplicationSyncRequest(
                "61e834ba-7b97-4418-b8c7-2a2b0bd1c1a7", "68cbc86abc0123456789880d92f36422fa0e", "a1b2c3d4e5f6",
                "NzZeWuiJa91dPSRdZQChMaz", "Qm9ndXNDaXBoZXJ0ZXh0…(512 chars)…", SyncFlag.Add, false, "20240315151130456"),
            parsed.Request);
    }

    [Theory]
    [InlineData("appId", "appId is missing")]
    [InlineData("clientId", "clientId is missing")]
    [InlineData("clientSecret", "clientSecret is missing")]
    [InlineData("instanceId", "instanceId is missing")]
    public void A_missing_field_is_named(string field, string expected)
    {
        Assert.Equal(expected, ApplicationSyncRequest.Parse(KitExample.Root(KitExample.Without(KitExample.ApplicationSync, field))).Error);
    }

    [Fact]
    public void Modify_is_a_V2_flag_only()
    {
        var body = KitExample.Root(KitExample.With(KitExample.ApplicationSync, "flag", "2"));

        Assert.Equal(SyncFlag.Modify, ApplicationSyncRequest.Parse(body, KitGeneration.V2).Request?.Flag);
        Assert.Equal("flag 2 is not one of 0 (delete), 1 (add)", ApplicationSyncRequest.Parse(body, KitGeneration.V1).Error);
    }

    [Fact]
    public void A_base64_secret_keeps_its_plus_signs()
    {
        var body = KitExample.Root(KitExample.With(KitExample.ApplicationSync, "clientSecret", "\"ab+cd/ef==\""));

        Assert.Equal("ab+cd/ef==", ApplicationSyncRequest.Parse(body).Request?.EncryptedClientSecret);
    }
}
