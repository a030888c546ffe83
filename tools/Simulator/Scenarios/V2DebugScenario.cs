using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// The seller console's interface debugging (应用接入调试): V2 calls with testFlag "1" and mock order ids,
/// which the backend opens without asking the order API, ending with the dial test's replay after release.
/// </summary>
public sealed class V2DebugScenario : IScenario
{
    private const string TestFlag = "1";

    /// <inheritdoc />
    public string Name => "v2-debug";

    /// <inheritdoc />
    public string Description => "V2 debug calls: open, query, renew, freeze, unfreeze, upgrade, change check, release, renew after release";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var success = Expectation.Code(ResultCodes.Success);
        var run = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        (string, object?) test = ("testFlag", TestFlag);

        var opened = await play.Step("newInstance", () => play.V2.Call("newInstance", ("businessId", Guid.NewGuid().ToString()),
                ("orderId", "MOCKPERIODYEARNEW"), ("orderLineId", $"MOCKPERIODYEARNEW-{run}"), test),
            Expectation.Code(ResultCodes.Success, ResultCodes.InProgress).And(Checks.Has("instanceId")));
        var id = opened.Text("instanceId");
        (string, object?) instance = ("instanceId", id);

        await play.Step("queryInstance", () => play.V2.PollUntilOpen(instance, test), success.And(Checks.QueriedWithCredentials(id, play.AccessKey)));
        await play.Step("refreshInstance RENEWAL", () => Renew(play, instance, test, run), success);
        foreach (var status in new[] { "FREEZE", "UNFREEZE" })
        {
            await play.Step($"updateInstanceStatus {status}", () => play.V2.Call("updateInstanceStatus", instance, ("status", status), test), success);
        }

        await play.Step("upgradeInstance", () => play.V2.Call("upgradeInstance", instance,
            ("orderId", "MOCKPERIODYEARCHANGE"), ("orderLineId", $"MOCKPERIODYEARCHANGE-{run}"), test), success);
        await play.Step("changeInstanceCheck", () => play.V2.Call("changeInstanceCheck", instance,
            ("productInfo", new { productId = "simulator-product-pro", skuCode = "simulator-sku-pro", linearValue = 10, productName = "Pro" }), test), success);
        await play.Step("releaseInstance", () => play.V2.Call("releaseInstance", instance, test), success);
        await play.Step("refreshInstance after release", () => Renew(play, instance, test, run), success);
    }

    private static Task<MarketplaceAnswer> Renew(ScenarioPlay play, (string, object?) instance, (string, object?) test, string run) =>
        play.V2.Call("refreshInstance", instance, ("orderId", "MOCKPERIODMONTHRENEW"), ("orderLineId", $"MOCKPERIODMONTHRENEW-{run}"),
            ("scene", "RENEWAL"), ("expireTime", KooGalleryTime.FormatSeconds(DateTimeOffset.UtcNow.AddYears(2))), test);
}
