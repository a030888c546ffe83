using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// Bodies that arrive slowly, in pieces over 3 s, as over a congested link: the gateway must wait for the whole body and still
/// answer correctly within the marketplace's 5 s.
/// </summary>
public sealed class SlowBodyScenario : IScenario
{
    private static readonly BodyPace Pace = new(8, TimeSpan.FromSeconds(3));
    private static readonly TimeSpan MarketplaceTimeout = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public string Name => "fault-slow-body";

    /// <inheritdoc />
    public string Description => "V2 and Kit bodies sent in 8 pieces over 3 s are answered correctly within 5 s";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        // Timers may fire a few milliseconds early: 90% of the spread still proves the body was trickled.
        var slow = Checks.TookBetween(Pace.Over * 0.9, MarketplaceTimeout);
        var line = $"MOCKPERIODYEARNEW-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var opened = await play.Step("V2 newInstance, slow body", () => play.V2.Send(play.V2.Sign(V2Marketplace.Body("newInstance",
                ("businessId", Guid.NewGuid().ToString()), ("orderId", "MOCKPERIODYEARNEW"), ("orderLineId", line), ("testFlag", "1"))), Pace),
            Expectation.Code(ResultCodes.Success, ResultCodes.InProgress).And(Checks.Has("instanceId")).And(slow));
        var id = opened.Text("instanceId");

        await play.Step("V2 queryInstance, slow body", () => play.V2.Send(play.V2.Sign(V2Marketplace.Body("queryInstance", ("instanceId", id), ("testFlag", "1"))), Pace),
            Expectation.Code(ResultCodes.Success).And(Checks.QueriedWithCredentials(id, play.AccessKey)).And(slow));

        var kit = play.Require(play.KitV1, "--key");
        var tenant = SortedJson.Serialize([("instanceId", id), ("orderId", "MOCKPERIODYEARNEW"), ("tenantId", $"simulator-tenant-{Guid.NewGuid():N}"),
            ("tenantCode", "simulator"), ("name", "Simulator Ltd"), ("domainName", "https://auth.simulator.example"), ("flag", 1), ("testFlag", 1),
            ("timeStamp", KitMarketplace.Stamp())]);
        await play.Step("Kit V1 tenantSync, slow body", () => kit.Send("tenantSync", kit.Sign(tenant), Pace), Expectation.Code(ResultCodes.Success).And(slow));

        await play.Step("V2 releaseInstance", () => play.V2.Call("releaseInstance", ("instanceId", id), ("testFlag", "1")), Expectation.Code(ResultCodes.Success));
    }
}
