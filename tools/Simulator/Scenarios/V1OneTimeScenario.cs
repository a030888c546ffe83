namespace Provisioning.Simulator.Scenarios;

/// <summary>A V1 one-time (按次) purchase: no expiry, opened, queried and released.</summary>
public sealed class V1OneTimeScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "v1-one-time";

    /// <inheritdoc />
    public string Description => "V1 one-time order: open, query, release";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var orderId = V1Purchase.NewOrderId();
        var opened = await V1Steps.Open(play, V1Purchase.NewInstance(orderId, V1Purchase.OneTime));
        var id = opened.Text("instanceId");
        await V1Steps.Query(play, id);
        await V1Steps.Release(play, "releaseInstance", id, orderId);
    }
}
