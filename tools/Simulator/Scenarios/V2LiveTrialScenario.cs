using Provisioning.KooGallery;
using Provisioning.Marketplace.OpenApi;

namespace Provisioning.Simulator.Scenarios;

/// <summary>A live V2 trial (试用) order: opened from the fake open API, converted to a formal purchase, released.</summary>
public sealed class V2LiveTrialScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "v2-live-trial";

    /// <inheritdoc />
    public string Description => "V2 live trial order from the fake open API: open (poll until open), refreshInstance TRIAL_TO_FORMAL, query, release twice";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var openApi = play.Require(play.OpenApi, "--openapi or --openapi-port");
        var (orderId, lines) = await V2LiveOrders.Register(openApi, OrderScript.Period, 1, failFirstQueries: 0, TimeSpan.Zero, orderType: "TRIAL");
        var id = await V2LiveOrders.Open(play, orderId, lines[0]);
        var formal = V1Purchase.NewOrderId();
        await play.Step("refreshInstance TRIAL_TO_FORMAL", () => play.V2.Call("refreshInstance", ("instanceId", id), ("orderId", formal), ("orderLineId", $"{formal}-000001"),
            ("scene", "TRIAL_TO_FORMAL"), ("expireTime", KooGalleryTime.FormatSeconds(DateTimeOffset.UtcNow.AddYears(1))), ("testFlag", "0")), Expectation.Code(ResultCodes.Success));
        await V2LiveOrders.Release(play, id);
    }
}
