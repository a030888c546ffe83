using Provisioning.SellerApplication;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// A seller's application that fails: the first deliveries of some event types answer HTTP 500, or have their connection
/// dropped. The backend must deliver them again under the same ids, and every transition still arrives once, in order.
/// </summary>
public sealed class SellerEventsFaultScenario(DeliveryFault fault) : IScenario
{
    private static readonly string[] Expected = ["instance.opened", "instance.renewed", "instance.frozen", "instance.released"];

    private FaultRule[] Rules => fault == DeliveryFault.Error
        ? [new FaultRule(fault, 2, "instance.opened"), new FaultRule(fault, 1, "instance.frozen")]
        : [new FaultRule(fault, 2, "instance.renewed"), new FaultRule(fault, 1, "instance.released")];

    /// <inheritdoc />
    public string Name => fault == DeliveryFault.Error ? "seller-events-failing-app" : "seller-events-dropped-connections";

    /// <inheritdoc />
    public string Description => fault == DeliveryFault.Error
        ? "the seller app answers HTTP 500 to the first 2 opened and the first frozen deliveries: all 4 events still arrive once each, in order, re-delivered under their ids"
        : "the seller app drops the connection of the first 2 renewed and the first released deliveries: all 4 events still arrive once each, in order, re-delivered under their ids";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var app = play.Require(play.SellerApp, SellerEventChecks.Option);
        await play.Check($"seller app: {fault.ToString().ToLowerInvariant()} faults queued", async () =>
        {
            foreach (var rule in Rules) await app.InjectEventFaults(rule);
            return null;
        });

        try
        {
            var orderId = V1Purchase.NewOrderId();
            var opened = await V1Steps.Open(play, V1Purchase.NewInstance(orderId, V1Purchase.Periodic));
            var id = opened.Text("instanceId") ?? string.Empty;
            await V1Steps.Renew(play, "refreshInstance", id);
            await play.Step("instanceStatus FREEZE", () => play.V1.Call("instanceStatus", ("instanceId", id), ("instanceStatus", "FREEZE")), V1Steps.Success);
            await V1Steps.Release(play, "releaseInstance", id, orderId);

            var stream = EventStreams.Instance(id);
            await SellerEventChecks.Arrived(play, app, stream, Expected, snapshot => Rules
                .Select(rule => SellerEventChecks.RedeliveredUnderItsId(snapshot, stream, rule.Type!, rule.Count + 1))
                .FirstOrDefault(reason => reason is not null));
            await play.Check("seller app: every fault was played", async () =>
                (await app.Faults()).EventsPending is var pending and > 0 ? $"{pending} faults were never played" : null);
        }
        finally
        {
            await app.ClearFaults();
        }
    }
}
