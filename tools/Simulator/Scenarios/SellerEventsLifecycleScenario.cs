using Provisioning.SellerApplication;
using Provisioning.Simulator.Seller;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// The seller's application learning a V1 instance's whole life from its events: every applied transition arrives exactly once,
/// in order, and the marketplace's repeats (which change nothing) send none. With the seller API key, the instance API is read
/// too: the instance, and the list of its customer's instances, agree on its status.
/// </summary>
public sealed class SellerEventsLifecycleScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "seller-events-lifecycle";

    /// <inheritdoc />
    public string Description => "V1 open, repeat, renew, freeze twice, unfreeze, upgrade, release twice: the seller app gets opened, renewed, frozen, unfrozen, upgraded, released, once each, in order";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var app = play.Require(play.SellerApp, SellerEventChecks.Option);
        var orderId = V1Purchase.NewOrderId();
        var customerId = $"simulator-events-{Guid.NewGuid():N}"[..36];
        var purchase = V1Purchase.NewInstance(orderId, V1Purchase.Periodic).Select(p => p.Name == "customerId" ? (p.Name, customerId) : p).ToArray();

        var opened = await V1Steps.Open(play, purchase);
        var id = opened.Text("instanceId") ?? string.Empty;
        await play.Step("newInstance again", () => play.V1.Call("newInstance", V1Purchase.Resent(purchase)), V1Steps.Success.And(Checks.Same("instanceId", id)));
        await V1Steps.Renew(play, "refreshInstance", id);
        foreach (var (step, status) in new[] { ("instanceStatus FREEZE", "FREEZE"), ("instanceStatus FREEZE again", "FREEZE"), ("instanceStatus NORMAL", "NORMAL") })
        {
            await play.Step(step, () => play.V1.Call("instanceStatus", ("instanceId", id), ("instanceStatus", status)), V1Steps.Success);
        }

        await V1Steps.Upgrade(play, id);
        if (play.Seller is { } seller)
        {
            await play.Check("seller API: the instance and its customer's list agree it is active", () => SellerEventChecks.Eventually(() => Agree(seller, id, customerId)));
        }

        await V1Steps.Release(play, "releaseInstance", id, orderId);
        await V1Steps.Release(play, "releaseInstance again", id, orderId);
        await SellerEventChecks.Arrived(play, app, EventStreams.Instance(id),
            ["instance.opened", "instance.renewed", "instance.frozen", "instance.unfrozen", "instance.upgraded", "instance.released"]);
    }

    private static async Task<string?> Agree(SellerApiReader seller, string id, string customerId)
    {
        var one = await seller.Instance(id);
        var listed = (await seller.InstancesOf(customerId)).Where(i => i.InstanceId == id).ToList();
        return one is null ? $"GET /api/instances/{id} does not know it"
            : !string.Equals(one.Status, "active", StringComparison.OrdinalIgnoreCase) ? $"GET /api/instances/{id} says {one.Status}, expected active"
            : listed.Count != 1 ? $"the list of customer {customerId} holds it {listed.Count} times"
            : listed[0].Status != one.Status ? $"the list says {listed[0].Status}, GET says {one.Status}"
            : null;
    }
}
