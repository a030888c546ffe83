using Provisioning.KooGallery;

namespace Provisioning.Simulator.Scenarios;

/// <summary>A V1 call that lost one of the parameters its authToken covers must be refused.</summary>
public sealed class TruncatedScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "fault-truncated";

    /// <inheritdoc />
    public string Description => "a V1 queryInstance missing a signed parameter is refused (000001)";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var signed = play.V1.Sign("queryInstance", [("instanceId", Guid.NewGuid().ToString()), ("testFlag", "1")]);
        signed.Remove("testFlag");
        await play.Step("V1 queryInstance without its signed testFlag", () => play.V1.Send(signed), Expectation.Code(ResultCodes.AuthenticationFailed));
    }
}
