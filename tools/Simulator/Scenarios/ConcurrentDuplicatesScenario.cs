using System.Diagnostics;
using Provisioning.KooGallery;

namespace Provisioning.Simulator.Scenarios;

/// <summary>The marketplace retrying one newInstance many times at once must still open exactly one instance.</summary>
public sealed class ConcurrentDuplicatesScenario : IScenario
{
    private const int Copies = 20;

    /// <inheritdoc />
    public string Name => "fault-concurrent-duplicates";

    /// <inheritdoc />
    public string Description => $"{Copies} identical V1 newInstance calls at once open one instance";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var orderId = V1Purchase.NewOrderId();
        var request = play.V1.Sign("newInstance", V1Purchase.NewInstance(orderId, V1Purchase.Periodic));
        var clock = Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, Copies).Select(_ => play.V1.Send(request)));
        clock.Stop();

        var codes = string.Join(",", answers.Select(a => a.ResultCode ?? "none").Distinct());
        var instanceIds = answers.Select(a => a.Text("instanceId")).Distinct().ToList();
        var failure = answers.Select(a => a.Problem).FirstOrDefault(p => p is not null)
            ?? (answers.Any(a => a.ResultCode != ResultCodes.Success) ? $"result codes {codes}" : null)
            ?? (instanceIds.Count != 1 || instanceIds[0] is null ? $"{instanceIds.Count} distinct instanceIds" : null);
        play.Record($"{Copies} concurrent newInstance", codes, clock.Elapsed, failure);

        await V1Steps.Release(play, "releaseInstance", instanceIds[0], orderId);
    }
}
