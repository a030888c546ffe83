using Provisioning.KooGallery;
using Provisioning.Simulator.Marketplace;
using Provisioning.Simulator.OpenApi;

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
        FakeOpenApiControl openApi, string chargingMode, int lines, int failFirstQueries, TimeSpan queryDelay)
    {
        var orderId = V1Purchase.NewOrderId();
        var lineIds = Enumerable.Range(1, lines).Select(n => $"{orderId}-{n:D6}").ToArray();
        await openApi.Script(orderId, new OrderScript(chargingMode, lineIds, ProductId, "simulator-sku-basic", 10,
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

    /// <summary>The fake saw the gateway query this order, every query correctly AK/SK signed.</summary>
    public static Task QueriedWithValidSignatures(ScenarioPlay play, FakeOpenApiControl openApi, string orderId, int atLeast = 1) =>
        play.Check("order query signed with the AK/SK", async () => await openApi.Trace(orderId) switch
        {
            null => $"the fake open API does not know order {orderId}",
            { BadSignatures: > 0 } trace => $"{trace.BadSignatures} order queries had a bad AK/SK signature",
            { Queries: var n } when n < atLeast => $"the order was queried {n} times, expected at least {atLeast}",
            _ => null,
        });
}
