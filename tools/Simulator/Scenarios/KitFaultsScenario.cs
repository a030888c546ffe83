using System.Security.Cryptography;
using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;

namespace Provisioning.Simulator.Scenarios;

/// <summary>Kit syncs the gateway must refuse: forged, replayed or stale signatures, and a client secret it cannot decrypt.</summary>
public sealed class KitFaultsScenario : IScenario
{
    private static readonly Expectation Refused = Expectation.Code(ResultCodes.AuthenticationFailed);

    /// <inheritdoc />
    public string Name => "fault-kit";

    /// <inheritdoc />
    public string Description => "Kit syncs signed with another key, replayed or stale are refused (000001); a secret for another key is refused";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var v1 = play.Require(play.KitV1, "--key");
        var v2 = play.Require(play.KitV2, "--kit-access-key");
        var tenantId = $"simulator-tenant-{Guid.NewGuid():N}";
        byte[] Tenant() => SortedJson.Serialize([("instanceId", ""), ("orderId", ""), ("tenantId", tenantId), ("tenantCode", "simulator"),
            ("name", "Simulator Ltd"), ("domainName", "https://auth.simulator.example"), ("flag", 1), ("testFlag", 1), ("timeStamp", KitMarketplace.Stamp())]);

        await play.Step("V1 tenantSync with another Key", () => v1.Send("tenantSync", v1.Sign(Tenant(), signingKey: play.Key + "-other")), Refused);
        await play.Step("V2 tenantSync with another access key", () => v2.Send("tenantSync", v2.Sign(Tenant(), signingKey: "not-the-kit-access-key")), Refused);

        var once = v2.Sign(Tenant());
        await play.Step("V2 tenantSync", () => v2.Send("tenantSync", once), Expectation.Code(ResultCodes.Success));
        await play.Step("the same V2 request again", () => v2.Send("tenantSync", once), Refused);
        await play.Step("V2 tenantSync signed 5 minutes ago", () => v2.Send("tenantSync", v2.Sign(Tenant(), DateTimeOffset.UtcNow.AddMinutes(-5))), Refused);

        using var otherKey = RSA.Create(2048);
        using var wrongSealer = ClientSecretSealer.FromText(Convert.ToBase64String(otherKey.ExportSubjectPublicKeyInfo()));
        await play.Step("V1 applicationSync with a secret for another key", () => v1.Call("applicationSync", ("instanceId", ""), ("tenantId", tenantId),
                ("appId", "simulator-app"), ("clientId", "simulator-client"), ("clientSecret", wrongSealer.Seal("unreadable")), ("flag", 1),
                ("testFlag", 1), ("timeStamp", KitMarketplace.Stamp())),
            Expectation.Code(ResultCodes.InternalError).And(a => a.ResultMsg?.Contains("clientSecret", StringComparison.Ordinal) == true ? null : "resultMsg does not name clientSecret"));
    }
}
