using Provisioning.KooGallery;
using Provisioning.Marketplace.OpenApi;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// A real (non-test) V2 order: the gateway fetches it from KooGallery's order query API, played by the fake open API, whose
/// first query fails slowly so the instance may open in the background (000004, then queryInstance polled); then the instance
/// is renewed, frozen, unfrozen and released. A pay-per-use order has two lines for one product, held by one instance.
/// </summary>
public sealed class V2LiveScenario(string chargingMode) : IScenario
{
    private static readonly Expectation Success = Expectation.Code(ResultCodes.Success);

    private bool PayPerUse => chargingMode == OrderScript.OnDemand;

    /// <inheritdoc />
    public string Name => PayPerUse ? "v2-live-pay-per-use" : "v2-live-periodic";

    /// <inheritdoc />
    public string Description => PayPerUse
        ? "V2 live pay-per-use order from the fake open API: open (000004, poll), second line shares the instance, renew, freeze, unfreeze, release"
        : "V2 live periodic order from the fake open API: open (000004, poll), repeat, renew, freeze, unfreeze, release";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var openApi = play.Require(play.OpenApi, "--openapi or --openapi-port");
        var (orderId, lines) = await V2LiveOrders.Register(openApi, chargingMode, PayPerUse ? 2 : 1, failFirstQueries: 1, TimeSpan.FromSeconds(1.8));

        var id = await V2LiveOrders.Open(play, orderId, lines[0]);
        (string, object?) instance = ("instanceId", id);
        await V2LiveOrders.QueriedWithValidSignatures(play, openApi, orderId, atLeast: 2);

        await play.Step("newInstance again", () => V2LiveOrders.NewInstance(play, orderId, lines[0]), Success.And(Checks.Same("instanceId", id)));
        if (PayPerUse)
        {
            // Its order query takes as long as the first's, so it may answer 000004 first, which the marketplace retries.
            await play.Step("newInstance for the second line", () => V2LiveOrders.NewInstanceUntilDone(play, orderId, lines[1]), Success.And(Checks.Same("instanceId", id)));
        }

        var renewal = V1Purchase.NewOrderId();
        await play.Step("refreshInstance RENEWAL", () => play.V2.Call("refreshInstance", instance, ("orderId", renewal), ("orderLineId", $"{renewal}-000001"),
            ("scene", "RENEWAL"), ("expireTime", KooGalleryTime.FormatSeconds(DateTimeOffset.UtcNow.AddYears(2))), ("testFlag", "0")), Success);
        foreach (var status in new[] { "FREEZE", "UNFREEZE" })
        {
            await play.Step($"updateInstanceStatus {status}", () => play.V2.Call("updateInstanceStatus", instance, ("status", status), ("testFlag", "0")), Success);
        }

        await play.Step("queryInstance", () => play.V2.Call("queryInstance", instance), Success.And(Checks.QueriedWithCredentials(id, play.AccessKey)));
        await V2LiveOrders.Release(play, id);
    }
}
