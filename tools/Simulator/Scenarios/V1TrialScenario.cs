namespace Provisioning.Simulator.Scenarios;

/// <summary>A V1 trial (试用) that the buyer converts to a paid periodic order.</summary>
public sealed class V1TrialScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "v1-trial";

    /// <inheritdoc />
    public string Description => "V1 trial order: open with trialFlag=1, convert with trialToFormal=1, query, release";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var orderId = V1Purchase.NewOrderId();
        var opened = await V1Steps.Open(play, V1Purchase.NewInstance(orderId, V1Purchase.Periodic, ("trialFlag", "1")));
        var id = opened.Text("instanceId") ?? string.Empty;
        await play.Step("refreshInstance trialToFormal", () => play.V1.Call("refreshInstance", ("instanceId", id),
            ("orderId", V1Purchase.NewOrderId()), ("expireTime", V1Purchase.NextYear()), ("trialToFormal", "1"),
            ("periodType", "year"), ("periodNumber", "1"), ("orderAmount", "999.000")), V1Steps.Success);
        await V1Steps.Query(play, id);
        await V1Steps.Release(play, "releaseInstance", id, orderId);
    }
}
