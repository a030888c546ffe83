using Microsoft.Extensions.Options;
using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Usage;

/// <summary>
/// Takes staged records from the ledger's outbox to the marketplace, up to the sink's batch size per call
/// across instances, on a timer and whenever a meter stages records; a reminder brings it back after its silo stops.
/// Each round first wakes the meters of closed hours the ledger shows recorded but unstaged, so usage whose meter died
/// with its silo is staged within a round instead of at the meter's next hourly reminder.
/// Accepted records are marked pushed; transient failures are retried with backoff under the same metering_sn;
/// permanent ones, and records beyond the marketplace's 21-day window, are dead-lettered for an operator; records the old
/// push may have delivered without saying so are held for an operator, who re-sends them or marks them pushed.
/// </summary>
[GrainType("usage-push")]
internal sealed class UsagePushGrain(
    IUsageLedger ledger,
    IUsageSink sink,
    IOptions<UsageOptions> options,
    UsageMetrics metrics,
    TimeProvider clock,
    ILogger<UsagePushGrain> logger) : Grain, IUsagePushGrain, IRemindable
{
    private const string PushReminder = "usage-push";

    /// <summary>Bounds one round, so a ledger that fails to mark records cannot keep the grain sending forever.</summary>
    private const int MaxBatchesPerRound = 1000;

    /// <summary>Meters woken per round to stage closed hours; the next round takes the rest.</summary>
    private const int MaxMetersPerRound = 100;

    /// <summary>The shortest reminder period Orleans accepts by default: after the grain's silo died it is back within this.</summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private DateTimeOffset _lastPrune;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var period = options.Value.PushPeriod;
        this.RegisterGrainTimer(Push, new GrainTimerCreationOptions(TimeSpan.Zero, period) { KeepAlive = true });
        await this.RegisterOrUpdateReminder(PushReminder, ReminderPeriod, ReminderPeriod);
    }

    Task IUsagePushGrain.Wake() => Push();

    Task<OutboxSummary> IUsagePushGrain.GetSummary() => Summarize();

    Task<IReadOnlyList<MeteringRecord>> IUsagePushGrain.GetDeadLetters(int limit) => ledger.GetDeadLettersAsync(limit, CancellationToken.None);

    async Task<int> IUsagePushGrain.Redrive(string? instanceId)
    {
        var count = await ledger.RedriveAsync(instanceId, clock.GetUtcNow(), CancellationToken.None);
        logger.LogInformation("Re-drove {Count} dead-lettered usage records of {Instance}", count, instanceId ?? "every instance");
        await Push();
        return count;
    }

    Task<IReadOnlyList<MeteringRecord>> IUsagePushGrain.GetHeld(int limit) => ledger.GetHeldAsync(limit, CancellationToken.None);

    async Task<int> IUsagePushGrain.ResolveHeld(string? instanceId, bool delivered)
    {
        var count = await ledger.ResolveHeldAsync(instanceId, delivered, clock.GetUtcNow(), CancellationToken.None);
        logger.LogInformation("An operator {Action} {Count} held usage records of {Instance}",
            delivered ? "marked pushed" : "re-sent", count, instanceId ?? "every instance");
        await (delivered ? Summarize() : Push());
        return count;
    }

    // The reminder only has to bring the grain back; its timer does the work.
    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    private async Task Push()
    {
        await StageClosedHours();
        for (var round = 0; round < MaxBatchesPerRound; round++)
        {
            var now = clock.GetUtcNow();
            var due = await ledger.GetDueAsync(now, sink.MaxBatch, CancellationToken.None);
            if (due.Count == 0) break;

            var expired = due.Where(r => r.HourStart < now - sink.Window).ToList();
            if (expired.Count > 0)
            {
                await ledger.DeadLetterAsync([.. expired.Select(r => r.MeteringSn)],
                    $"begins more than {sink.Window.TotalDays} days ago, beyond the marketplace's window; never sent", CancellationToken.None);
                metrics.Pushed(UsageDeliveryOutcome.Permanent, expired.Count);
            }

            var sendable = due.Except(expired).ToList();
            if (sendable.Count > 0 && !await Deliver(sendable, now)) break;
        }

        await PruneEvents();
        await Summarize();
    }

    // A meter stages on its own timer while active; one whose silo died is only activated again by a call.
    private async Task StageClosedHours()
    {
        var instances = await ledger.GetUnstagedAsync(ClosedBy(), MaxMetersPerRound, CancellationToken.None);
        await Task.WhenAll(instances.Select(async instanceId =>
        {
            try
            {
                await GrainFactory.GetUsageMeter(new InstanceAddress(instanceId, Traffic.Live)).Stage();
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The meter of instance {InstanceId} could not stage its closed hours; trying again next round", instanceId);
            }
        }));
    }

    /// <summary>Sends one batch; answers false when the marketplace could not be reached or failed transiently.</summary>
    private async Task<bool> Deliver(IReadOnlyList<MeteringRecord> batch, DateTimeOffset now)
    {
        var delivery = await sink.PushAsync(batch, CancellationToken.None);
        if (delivery.Outcome != UsageDeliveryOutcome.Permanent || batch.Count == 1) metrics.Pushed(delivery.Outcome, batch.Count);
        var sns = batch.Select(r => r.MeteringSn).ToList();
        switch (delivery.Outcome)
        {
            case UsageDeliveryOutcome.Accepted:
                await ledger.MarkPushedAsync(sns, clock.GetUtcNow(), CancellationToken.None);
                return true;
            case UsageDeliveryOutcome.Transient:
                logger.LogWarning("Pushing {Count} usage records failed transiently; retrying later: {Error}", batch.Count, delivery.Error);
                foreach (var attempts in batch.GroupBy(r => r.Attempts))
                {
                    await ledger.RetryLaterAsync([.. attempts.Select(r => r.MeteringSn)], options.Value.NextAttempt(now, attempts.Key), delivery.Error ?? "transient failure", CancellationToken.None);
                }

                return false;
            case UsageDeliveryOutcome.Unconfirmed:
                logger.LogError("The old usage push of {Count} records got no clear answer, so the marketplace may have taken them; "
                    + "held for an operator instead of sent again: {Error}", batch.Count, delivery.Error);
                await ledger.HoldAsync(sns, delivery.Error ?? "no clear answer", CancellationToken.None);
                return false;
            case UsageDeliveryOutcome.Permanent when batch.Count > 1:
                // One bad record refuses the whole call: send them one by one so only the bad ones are parked.
                foreach (var record in batch)
                {
                    if (!await Deliver([record], now)) return false;
                }

                return true;
            default:
                logger.LogError("The marketplace refused usage record {MeteringSn} of instance {InstanceId}; dead-lettered: {Error}",
                    batch[0].MeteringSn, batch[0].InstanceId, delivery.Error);
                await ledger.DeadLetterAsync(sns, delivery.Error ?? "refused", CancellationToken.None);
                return true;
        }
    }

    // Event ids are kept for deduplication only as long as such an event could still be accepted.
    private async Task PruneEvents()
    {
        var now = clock.GetUtcNow();
        if (now - _lastPrune < TimeSpan.FromHours(1)) return;
        _lastPrune = now;
        var pruned = await ledger.PruneEventsAsync(now - options.Value.MaxEventAge - TimeSpan.FromDays(1), CancellationToken.None);
        if (pruned > 0) logger.LogInformation("Forgot {Count} usage event ids older than the acceptance window", pruned);
    }

    private async Task<OutboxSummary> Summarize()
    {
        var summary = await ledger.GetSummaryAsync(ClosedBy(), CancellationToken.None);
        metrics.Outbox(summary);
        return summary;
    }

    /// <summary>Hours that ended by then are closed: their meters stage them.</summary>
    private DateTimeOffset ClosedBy() => clock.GetUtcNow() - options.Value.CloseDelay;
}
