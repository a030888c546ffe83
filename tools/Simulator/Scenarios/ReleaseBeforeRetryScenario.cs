namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// Out of order, V1: the marketplace's late retry of newInstance arrives after the instance was released. The order was already
/// handled, so the retry succeeds with the same instanceId, but it must not bring the instance back.
/// </summary>
public sealed class ReleaseBeforeRetryScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "fault-reorder-release-first";

    /// <inheritdoc />
    public string Description => "V1 newInstance retried after releaseInstance: same instanceId, instance stays released";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var orderId = V1Purchase.NewOrderId();
        var purchase = V1Purchase.NewInstance(orderId, V1Purchase.Periodic);
        var opened = await V1Steps.Open(play, purchase);
        var id = opened.Text("instanceId") ?? string.Empty;
        await V1Steps.Release(play, "releaseInstance", id, orderId);

        await play.Step("newInstance retry after release", () => play.V1.Call("newInstance", V1Purchase.Resent(purchase)),
            V1Steps.Success.And(Checks.Same("instanceId", id)));
        await play.Step("queryInstance", () => play.V1.Call("queryInstance", ("instanceId", id)), V1Steps.Success.And(Checks.NoInstances()));
        await V1Steps.Release(play, "releaseInstance again", id, orderId);
    }
}
