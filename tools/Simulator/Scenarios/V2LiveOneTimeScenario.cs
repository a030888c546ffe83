using Provisioning.KooGallery;
using Provisioning.Marketplace.OpenApi;

namespace Provisioning.Simulator.Scenarios;

/// <summary>A live V2 one-time (一次性) order: opened from the fake open API, queried and released.</summary>
public sealed class V2LiveOneTimeScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "v2-live-one-time";

    /// <inheritdoc />
    public string Description => "V2 live one-time order from the fake open API: open (poll until open), query, release twice";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var openApi = play.Require(play.OpenApi, "--openapi or --openapi-port");
        var (orderId, lines) = await V2LiveOrders.Register(openApi, OrderScript.OneTime, 1, failFirstQueries: 0, TimeSpan.Zero);
        var id = await V2LiveOrders.Open(play, orderId, lines[0]);
        await V2LiveOrders.Release(play, id);
    }
}
