using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;

namespace Provisioning.Simulator.Scenarios;

/// <summary>A V2 body altered after it was signed must be refused.</summary>
public sealed class TamperedScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "fault-tampered";

    /// <inheritdoc />
    public string Description => "a V2 body changed after signing is refused (000001)";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var instanceId = Guid.NewGuid().ToString();
        var signed = play.V2.Sign(V2Marketplace.Body("updateInstanceStatus", ("instanceId", instanceId), ("status", "UNFREEZE"), ("testFlag", "1")));
        var altered = signed.WithBody(V2Marketplace.Body("updateInstanceStatus", ("instanceId", instanceId), ("status", "FREEZE"), ("testFlag", "1")));
        await play.Step("V2 updateInstanceStatus with an altered body", () => play.V2.Send(altered), Expectation.Code(ResultCodes.AuthenticationFailed));
    }
}
