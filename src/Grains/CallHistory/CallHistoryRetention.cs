using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Provisioning.Grains.CallHistory;

/// <summary>
/// Prunes the call history of entries older than <see cref="CallHistoryOptions.Retention"/>, once at start and then every
/// <see cref="CallHistoryOptions.PrunePeriod"/>. Each silo runs one; the store prunes in bounded steps that concurrent
/// prunes share instead of repeating. A failed prune is logged and tried again next period.
/// </summary>
internal sealed class CallHistoryRetention(
    ICallHistory history, IOptions<CallHistoryOptions> options, TimeProvider clock, ILogger<CallHistoryRetention> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PrunePeriod, clock);
        do
        {
            await PruneAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task PruneAsync(CancellationToken cancellationToken)
    {
        var retention = options.Value.Retention;
        try
        {
            var pruned = await history.PruneAsync(clock.GetUtcNow() - retention, cancellationToken);
            if (pruned > 0) logger.LogInformation("Pruned {Count} call-history entries older than {Days:0.#} days", pruned, retention.TotalDays);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Pruning the call history failed; it is tried again in {Period}", options.Value.PrunePeriod);
        }
    }
}
