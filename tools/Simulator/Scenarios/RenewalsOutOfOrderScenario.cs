using Provisioning.KooGallery;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// Out of order, V1: two renewal orders, each delivered twice, the repeats arriving after the other order. Renewals are
/// idempotent per renewal order, so every delivery succeeds and a repeat changes nothing.
/// </summary>
public sealed class RenewalsOutOfOrderScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "fault-reorder-renewals";

    /// <inheritdoc />
    public string Description => "V1 renewals A, B, then A and B again out of order: all succeed, the instance stays usable";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var orderId = V1Purchase.NewOrderId();
        var opened = await V1Steps.Open(play, V1Purchase.NewInstance(orderId, V1Purchase.Periodic));
        var id = opened.Text("instanceId") ?? string.Empty;

        var (first, second) = (V1Purchase.NewOrderId(), V1Purchase.NewOrderId());
        var (firstExpiry, secondExpiry) = (V1Purchase.NextYear(), KooGalleryTime.FormatSeconds(DateTimeOffset.UtcNow.AddYears(2)));
        await Renew(play, "refreshInstance A", id, first, firstExpiry);
        await Renew(play, "refreshInstance B", id, second, secondExpiry);
        await Renew(play, "refreshInstance A again, after B", id, first, firstExpiry);
        await Renew(play, "refreshInstance B again", id, second, secondExpiry);
        await V1Steps.Query(play, id);
        await V1Steps.Release(play, "releaseInstance", id, orderId);
    }

    private static Task Renew(ScenarioPlay play, string step, string id, string renewalOrderId, string expireTime) =>
        play.Step(step, () => play.V1.Call("refreshInstance", ("instanceId", id), ("orderId", renewalOrderId), ("expireTime", expireTime),
            ("periodType", "year"), ("periodNumber", "1"), ("orderAmount", "999.000")), V1Steps.Success);
}
