namespace Provisioning.Simulator.Scenarios;

/// <summary>The whole life of a V1 periodic (包周期) instance, with the repeats the marketplace makes.</summary>
public sealed class V1PeriodicScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "v1-periodic";

    /// <inheritdoc />
    public string Description => "V1 yearly order: open, repeat, renew, expire, renew, upgrade, query, release twice";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var orderId = V1Purchase.NewOrderId();
        var purchase = V1Purchase.NewInstance(orderId, V1Purchase.Periodic);
        var opened = await V1Steps.Open(play, purchase);
        var id = opened.Text("instanceId") ?? string.Empty;

        await play.Step("newInstance again", () => play.V1.Call("newInstance", V1Purchase.Resent(purchase)),
            V1Steps.Success.And(Checks.Same("instanceId", id)).And(Checks.SameAppInfo(opened)));
        await V1Steps.Renew(play, "refreshInstance", id);
        await play.Step("expireInstance", () => play.V1.Call("expireInstance", ("instanceId", id), ("orderId", orderId)), V1Steps.Success);
        await V1Steps.Renew(play, "refreshInstance after expiry", id);
        await V1Steps.Upgrade(play, id);
        await V1Steps.Query(play, id);
        await V1Steps.Release(play, "releaseInstance", id, orderId);
        await V1Steps.Release(play, "releaseInstance again", id, orderId);
    }
}
