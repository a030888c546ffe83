using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Provisioning.Simulator.Seller;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// The seller's application reports usage of a V1 pay-per-use instance; the marketplace reads it back with queryInstance.
/// Pushing closed hours to the marketplace happens an hour later and is not played here.
/// </summary>
public sealed class UsageScenario : IScenario
{
    /// <inheritdoc />
    public string Name => "usage-pay-per-use";

    /// <inheritdoc />
    public string Description => "usage of a V1 pay-per-use instance: reported, re-sent (not counted twice), a bad event refused alone, read back by queryInstance, refused after a freeze";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var reporter = play.Require(play.Usage, "--seller-usage-key");
        var orderId = V1Purchase.NewOrderId();
        var opened = await V1Steps.Open(play, V1Purchase.NewInstance(orderId, V1Purchase.PayPerUse));
        var id = opened.Text("instanceId") ?? string.Empty;
        var now = DateTimeOffset.UtcNow;
        UsageReading[] events = [new($"{orderId}-1", id, 2.5m, now), new($"{orderId}-2", id, 1.25m, now), new($"{orderId}-3", id, 0m, now)];

        await Report(play, reporter, "report 3 events, one with quantity 0", events, "accepted", "accepted", "rejected");
        await Report(play, reporter, "report the same events again", events, "duplicate", "duplicate", "rejected");
        await play.Step("queryInstance reads the usage back", () => play.V1.Call("queryInstance", ("instanceId", id)),
            V1Steps.Success.And(answer => UsageValue(answer.FirstInfo) == 3.75m ? null : $"usageInfo is {answer.FirstInfo}, expected usageValue 3.75"));

        await play.Step("instanceStatus FREEZE", () => play.V1.Call("instanceStatus", ("instanceId", id), ("instanceStatus", "FREEZE")), V1Steps.Success);
        await Report(play, reporter, "report usage while frozen", [new($"{orderId}-4", id, 1m, DateTimeOffset.UtcNow)], "rejected");
        await V1Steps.Release(play, "releaseInstance", id, orderId);
    }

    private static async Task Report(ScenarioPlay play, UsageReporter reporter, string step, IReadOnlyList<UsageReading> events, params string[] expected)
    {
        var clock = Stopwatch.StartNew();
        var (results, failure) = await reporter.Report(events);
        var statuses = results?.Select(r => r.Status).ToArray();
        play.Record(step, null, clock.Elapsed, failure
            ?? (statuses!.SequenceEqual(expected) ? null
                : $"statuses {string.Join(", ", statuses!)}, expected {string.Join(", ", expected)}; reasons: {string.Join("; ", results!.Select(r => r.Reason).OfType<string>())}"));
    }

    private static decimal? UsageValue(JsonElement? info) =>
        info is { } element && element.TryGetProperty("usageInfo", out var usage) && usage.ValueKind == JsonValueKind.Array && usage.GetArrayLength() == 1
            ? decimal.Parse(usage[0].GetProperty("usageValue").GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;
}
