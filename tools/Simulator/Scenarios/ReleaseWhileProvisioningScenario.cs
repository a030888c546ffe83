using Provisioning.KooGallery;
using Provisioning.Marketplace.OpenApi;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// Out of order, V2 live: the buyer's order is released while the gateway is still fetching it (000004), then newInstance's
/// retry arrives. The retry is refused as released (000003) and the late order answer does not open the instance.
/// </summary>
public sealed class ReleaseWhileProvisioningScenario : IScenario
{
    // Three slow attempts (two fail): longer than the longest provisioning budget the gateway allows (4.5 s).
    private const int FailedQueries = 2;
    private static readonly TimeSpan QueryDelay = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan LateAnswerWait = TimeSpan.FromSeconds(20);

    /// <inheritdoc />
    public string Name => "fault-reorder-release-while-provisioning";

    /// <inheritdoc />
    public string Description => "V2 live release while the order is still fetched (000004): the retry answers 000003, nothing opens";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var openApi = play.Require(play.OpenApi, "--openapi or --openapi-port");
        var (orderId, lines) = await V2LiveOrders.Register(openApi, OrderScript.Period, 1, FailedQueries, QueryDelay);

        var accepted = await play.Step("newInstance", () => V2LiveOrders.NewInstance(play, orderId, lines[0]),
            Expectation.Code(ResultCodes.InProgress).And(Checks.Has("instanceId")));
        (string, object?) instance = ("instanceId", accepted.Text("instanceId"));
        await play.Step("releaseInstance while provisioning", () => play.V2.Call("releaseInstance", instance, ("testFlag", "0")), Expectation.Code(ResultCodes.Success));
        await play.Step("newInstance retry after release", () => V2LiveOrders.NewInstance(play, orderId, lines[0]), Expectation.Code(ResultCodes.InstanceNotFound));

        await play.Check("the late order answer is served", async () =>
        {
            var deadline = DateTimeOffset.UtcNow + LateAnswerWait;
            while ((await openApi.Trace(orderId))?.Queries <= FailedQueries && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300));
            }

            // The answer is written after the query's delay; give the gateway's poll a moment to pick it up.
            await Task.Delay(QueryDelay + TimeSpan.FromSeconds(1));
            return (await openApi.Trace(orderId))?.Queries > FailedQueries ? null : "the gateway never queried the order again";
        });
        await play.Step("queryInstance", () => play.V2.Call("queryInstance", instance), Expectation.Code(ResultCodes.Success).And(Checks.NoInstances()));
        await play.Step("releaseInstance again", () => play.V2.Call("releaseInstance", instance, ("testFlag", "0")), Expectation.Code(ResultCodes.Success));
    }
}
