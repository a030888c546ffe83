using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.LicenseCodes;

/// <summary>A SaaS-only seller sets no License key: the activation code callbacks are refused, naming the setting.</summary>
public sealed class LicenseKeyUnsetTests(LicenseKeyUnsetTests.SaasOnlyGateway gateway) : IClassFixture<LicenseKeyUnsetTests.SaasOnlyGateway>
{
    /// <summary>Outside Development, so no key is generated for the missing setting.</summary>
    public sealed class SaasOnlyGateway : GatewayFactory
    {
        protected override string Environment => "Production";

        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(base.Settings) { ["KooGallery:LicenseAccessKey"] = null };
    }

    [Fact]
    public async Task License_activities_are_refused_with_a_message_naming_the_setting_and_SaaS_ones_still_work()
    {
        // Answers are signed with the basic access key: there is no other.
        var marketplace = new V2Client(gateway.CreateClient(), GatewayFactory.AccessKey);
        var body = V2Marketplace.Body("releaseLicenseCode", ("license", "PL12345678"));
        var (nonce, timestamp) = (V2Marketplace.NewNonce(), V2Marketplace.Now());

        var refused = await marketplace.SendSigned(body, V2Signature.Compute(body, GatewayFactory.LicenseAccessKey, nonce, timestamp), nonce, timestamp);
        var query = await marketplace.Call("queryInstance", ("instanceId", "x"));

        Assert.Equal(ResultCodes.AuthenticationFailed, refused.ResultCode);
        Assert.Contains("KooGallery:LicenseAccessKey", refused.ResultMsg);
        Assert.Equal(ResultCodes.Success, query.ResultCode);
    }
}
