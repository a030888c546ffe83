using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Marketplace.OpenApi;

namespace Provisioning.Simulator.Scenarios;

/// <summary>The V2 live-traffic steps several scenarios share: orders the fake open API answers, opened as the marketplace does.</summary>
internal static class V2LiveOrders
{
    public const string ProductId = "00301-simulator-2--0";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan ResendEvery = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan OpenDeadline = TimeSpan.FromSeconds(25);

    /// <summary>Registers an order with the fake open API and returns it with its line ids.</summary>
    public static async Task<(string OrderId, string[] Lines)> Register(
        FakeOpenApiControl openApi, string chargingMode, int lines, int failFirstQueries, TimeSpan queryDelay, string orderType = "NEW")
    {
        var orderId = V1Purchase.NewOrderId();
        var lineIds = Enumerable.Range(1, lines).Select(n => $"{orderId}-{n:D6}").ToArray();
        await openApi.Script(orderId, new OrderScript(chargingMode, lineIds, ProductId, "simulator-sku-basic", 10, orderType,
            ExpireTime: chargingMode == OrderScript.Period ? DateTimeOffset.UtcNow.AddYears(1) : null,
            FailFirstQueries: failFirstQueries, QueryDelay: queryDelay));
        return (orderId, lineIds);
    }

    /// <summary>A live newInstance for one order line (a fresh businessId each time, as on every re-send).</summary>
    public static Task<MarketplaceAnswer> NewInstance(ScenarioPlay play, string orderId, string orderLineId) =>
        play.V2.Call("newInstance", ("businessId", Guid.NewGuid().ToString()), ("orderId", orderId), ("orderLineId", orderLineId), ("testFlag", "0"));

    /// <summary>
    /// Polls queryInstance while the instance is provisioning (000004), re-sending newInstance now and then as the marketplace
    /// retries, until it answers otherwise or the deadline passes.
    /// </summary>
    public static async Task<MarketplaceAnswer> PollUntilOpen(ScenarioPlay play, string instanceId, string orderId, string orderLineId)
    {
        var started = DateTimeOffset.UtcNow;
        var resent = started;
        var answer = await play.V2.Call("queryInstance", ("instanceId", instanceId));
        while (answer.ResultCode == ResultCodes.InProgress && DateTimeOffset.UtcNow - started < OpenDeadline)
        {
            await Task.Delay(PollInterval);
            if (DateTimeOffset.UtcNow - resent >= ResendEvery)
            {
                resent = DateTimeOffset.UtcNow;
                await NewInstance(play, orderId, orderLineId);
            }

            answer = await play.V2.Call("queryInstance", ("instanceId", instanceId));
        }

        return answer;
    }

    /// <summary>Sends newInstance for a line as the marketplace does: again, a little later, for as long as it answers 000004.</summary>
    public static async Task<MarketplaceAnswer> NewInstanceUntilDone(ScenarioPlay play, string orderId, string orderLineId)
    {
        var started = DateTimeOffset.UtcNow;
        var answer = await NewInstance(play, orderId, orderLineId);
        while (answer.ResultCode == ResultCodes.InProgress && DateTimeOffset.UtcNow - started < OpenDeadline)
        {
            await Task.Delay(PollInterval);
            answer = await NewInstance(play, orderId, orderLineId);
        }

        return answer;
    }

    /// <summary>The fake saw the gateway query this order, every query correctly AK/SK signed.</summary>
    public static Task QueriedWithValidSignatures(ScenarioPlay play, FakeOpenApiControl openApi, string orderId, int atLeast = 1) =>
        play.Check("order query signed with the AK/SK", async () => await openApi.Trace(orderId) switch
        {
            null => $"the fake open API does not know order {orderId}",
            { BadSignatures: > 0 } trace => $"{trace.BadSignatures} order queries had a bad AK/SK signature",
            { Queries: var n } when n < atLeast => $"the order was queried {n} times, expected at least {atLeast}",
            _ => null,
        });

    /// <summary>Opens a live order line (000004 is fine), polls queryInstance until it is open, and answers the instance id.</summary>
    public static async Task<string> Open(ScenarioPlay play, string orderId, string orderLineId)
    {
        var opened = await play.Step("newInstance", () => NewInstance(play, orderId, orderLineId),
            Expectation.Code(ResultCodes.Success, ResultCodes.InProgress).And(Checks.Has("instanceId")));
        var id = opened.Text("instanceId")!;
        await play.Step("queryInstance until open", () => PollUntilOpen(play, id, orderId, orderLineId),
            Expectation.Code(ResultCodes.Success).And(Checks.QueriedWithCredentials(id, play.AccessKey)));
        return id;
    }

    /// <summary>Releases a live instance twice (the repeat must succeed too) and checks queryInstance no longer lists it.</summary>
    public static async Task Release(ScenarioPlay play, string instanceId)
    {
        var success = Expectation.Code(ResultCodes.Success);
        await play.Step("releaseInstance", () => play.V2.Call("releaseInstance", ("instanceId", instanceId), ("testFlag", "0")), success);
        await play.Step("releaseInstance again", () => play.V2.Call("releaseInstance", ("instanceId", instanceId), ("testFlag", "0")), success);
        await play.Step("queryInstance after release", () => play.V2.Call("queryInstance", ("instanceId", instanceId)), success.And(Checks.NoInstances()));
    }
}
