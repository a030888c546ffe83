using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;

namespace Provisioning.Simulator.Scenarios;

/// <summary>A V2 request signed long ago must be refused, however valid its signature.</summary>
public sealed class StaleScenario : IScenario
{
    private static readonly TimeSpan Age = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public string Name => "fault-stale";

    /// <inheritdoc />
    public string Description => "a V2 request whose timestamp is 5 minutes old is refused (000001)";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var body = V2Marketplace.Body("queryInstance", ("instanceId", Guid.NewGuid().ToString()), ("testFlag", "1"));
        await play.Step("V2 queryInstance signed 5 minutes ago", () => play.V2.Send(play.V2.Sign(body, DateTimeOffset.UtcNow - Age)),
            Expectation.Code(ResultCodes.AuthenticationFailed));
    }
}
