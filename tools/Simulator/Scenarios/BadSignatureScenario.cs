using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;

namespace Provisioning.Simulator.Scenarios;

/// <summary>Calls signed with a key the seller does not hold must be refused, on both interfaces.</summary>
public sealed class BadSignatureScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "fault-bad-signature";

    /// <inheritdoc />
    public string Description => "V1 authToken and V2 signature computed with another key are refused (000001)";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var refused = Expectation.Code(ResultCodes.AuthenticationFailed);
        var instanceId = Guid.NewGuid().ToString();
        await play.Step("V1 queryInstance with another Key", () => play.V1.Send(
            play.V1.Sign("queryInstance", [("instanceId", instanceId)], signingKey: play.Key + "-other")), refused);
        await play.Step("V2 queryInstance with another access key", () => play.V2.Send(
            play.V2.Sign(V2Marketplace.Body("queryInstance", ("instanceId", instanceId)), signingKey: play.AccessKey + "-other")), refused);
    }
}
