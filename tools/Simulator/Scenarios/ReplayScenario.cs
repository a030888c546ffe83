using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;

namespace Provisioning.Simulator.Scenarios;

/// <summary>A V2 request captured and sent again must be refused: its nonce is already used.</summary>
public sealed class ReplayScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "fault-replay";

    /// <inheritdoc />
    public string Description => "the same V2 request twice: the second is refused (000001)";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var request = play.V2.Sign(V2Marketplace.Body("queryInstance", ("instanceId", Guid.NewGuid().ToString()), ("testFlag", "1")));
        await play.Step("V2 queryInstance", () => play.V2.Send(request), Expectation.Code(ResultCodes.Success));
        await play.Step("the same request again", () => play.V2.Send(request), Expectation.Code(ResultCodes.AuthenticationFailed));
    }
}
