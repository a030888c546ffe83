namespace Provisioning.Simulator.Scenarios;

/// <summary>A V1 pay-per-use (按需) instance frozen for arrears and restored.</summary>
public sealed class V1PayPerUseScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "v1-pay-per-use";

    /// <inheritdoc />
    public string Description => "V1 pay-per-use order: open, instanceStatus FREEZE and NORMAL, query, release";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var orderId = V1Purchase.NewOrderId();
        var opened = await V1Steps.Open(play, V1Purchase.NewInstance(orderId, V1Purchase.PayPerUse));
        var id = opened.Text("instanceId") ?? string.Empty;
        foreach (var status in new[] { "FREEZE", "NORMAL" })
        {
            await play.Step($"instanceStatus {status}", () => play.V1.Call("instanceStatus", ("instanceId", id), ("instanceStatus", status)), V1Steps.Success);
        }

        await V1Steps.Query(play, id);
        await V1Steps.Release(play, "releaseInstance", id, orderId);
    }
}
