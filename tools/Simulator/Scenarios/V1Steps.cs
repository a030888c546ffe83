using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;

namespace Provisioning.Simulator.Scenarios;

/// <summary>The V1 steps several scenarios share.</summary>
internal static class V1Steps
{
    public static readonly Expectation Success = Expectation.Code(ResultCodes.Success);

    /// <summary>Opens an instance for a purchase and checks its instanceId and credentials.</summary>
    public static Task<MarketplaceAnswer> Open(ScenarioPlay play, (string Name, string Value)[] purchase) =>
        play.Step("newInstance", () => play.V1.Call("newInstance", purchase),
            Success.And(Checks.Has("instanceId")).And(Checks.OpenedWithCredentials(play.Key)));

    /// <summary>Queries one instance and checks it comes back with credentials.</summary>
    public static Task<MarketplaceAnswer> Query(ScenarioPlay play, string? instanceId) =>
        play.Step("queryInstance", () => play.V1.Call("queryInstance", ("instanceId", instanceId ?? string.Empty)),
            Success.And(Checks.QueriedWithCredentials(instanceId, play.Key)));

    /// <summary>Releases an instance.</summary>
    public static Task<MarketplaceAnswer> Release(ScenarioPlay play, string step, string? instanceId, string orderId) =>
        play.Step(step, () => play.V1.Call("releaseInstance", ("instanceId", instanceId ?? string.Empty), ("orderId", orderId)), Success);

    /// <summary>Renews an instance for a year under a new order.</summary>
    public static Task<MarketplaceAnswer> Renew(ScenarioPlay play, string step, string instanceId) =>
        play.Step(step, () => play.V1.Call("refreshInstance", ("instanceId", instanceId), ("orderId", V1Purchase.NewOrderId()),
            ("expireTime", V1Purchase.NextYear()), ("periodType", "year"), ("periodNumber", "1"), ("orderAmount", "999.000")), Success);

    /// <summary>Upgrades an instance to the simulator's pro SKU under a new order.</summary>
    public static Task<MarketplaceAnswer> Upgrade(ScenarioPlay play, string instanceId) =>
        play.Step("upgrade", () => play.V1.Call("upgrade", ("instanceId", instanceId), ("orderId", V1Purchase.NewOrderId()),
            ("skuCode", "simulator-sku-pro"), ("productId", "00301-simulator-1--0")), Success);
}
