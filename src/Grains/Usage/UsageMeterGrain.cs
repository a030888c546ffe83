using Microsoft.Extensions.Options;
using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Usage;

/// <summary>
/// The meter of one live instance. Events are checked against the instance's usage terms (read when the meter activates,
/// then kept current by the instance), appended to the ledger (which
/// is what makes them durable and idempotent), then counted here; closed hours are staged as records for the push
/// grain by a timer while the meter is active, by an hourly reminder that wakes it after deactivation, and by the push
/// grain when the ledger shows a closed hour still unstaged (the meter's silo died before its timer ran).
/// </summary>
[GrainType("usage-meter")]
internal sealed class UsageMeterGrain(
    IUsageLedger ledger,
    IOptions<UsageOptions> options,
    UsageMetrics metrics,
    TimeProvider clock) : Grain, IUsageMeterGrain, IRemindable
{
    private const string CloseReminder = "usage-close";

    private InstanceAddress _address;
    private UsageMeter _meter = null!;
    private UsageTerms? _terms;
    /// <summary>Whether the close reminder is registered; null until known, since an earlier activation may have left one.</summary>
    private bool? _reminderSet;

    private ISaasInstanceGrain Instance => GrainFactory.GetInstance(_address);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _address = InstanceAddress.FromGrainKey(this.GetPrimaryKeyString());
        _meter = new UsageMeter(_address.InstanceId);
        if (_address.Traffic == Traffic.Live)
        {
            _meter.Load(await ledger.GetHoursAsync(_address.InstanceId, cancellationToken));
            _terms = await Instance.GetUsageTerms();
        }

        var period = options.Value.StagePeriod;
        this.RegisterGrainTimer(Stage, new GrainTimerCreationOptions(period, period));
    }

    async Task<IReadOnlyList<UsageEventResult>> IUsageMeterGrain.Record(IReadOnlyList<UsageEvent> events)
    {
        if (_address.Traffic == Traffic.Test) return Report([.. events.Select(_ => UsageEventResult.Rejected("test traffic is never metered"))]);

        var now = clock.GetUtcNow();
        var results = new UsageEventResult[events.Count];
        var valid = new List<(int Index, UsageEvent Event)>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            if (UsageEventRules.Problem(events[i], _address.InstanceId, _terms, now, options.Value) is { } problem) results[i] = UsageEventResult.Rejected(problem);
            else valid.Add((i, events[i]));
        }

        if (valid.Count > 0)
        {
            var recorded = await ledger.AppendAsync(_address.InstanceId, [.. valid.Select(v => v.Event)], CancellationToken.None);
            for (var i = 0; i < valid.Count; i++)
            {
                if (recorded[i]) _meter.Add(valid[i].Event);
                results[valid[i].Index] = recorded[i] ? UsageEventResult.Accepted : UsageEventResult.Duplicate;
            }

            await KeepClosing();
        }

        return Report(results);
    }

    Task<IReadOnlyList<UsageTotal>?> IUsageMeterGrain.GetTotals() =>
        Task.FromResult(_terms is { IsMetered: true } terms ? _meter.Totals(terms.ChargingMode, clock.GetUtcNow()) : null);

    Task IUsageMeterGrain.UpdateTerms(UsageTerms terms)
    {
        _terms = terms;
        return Task.CompletedTask;
    }

    async Task<MeterStatement> IUsageMeterGrain.GetStatement()
    {
        var records = await ledger.GetRecordsAsync(_address.InstanceId, CancellationToken.None);
        var unpushed = records.Where(r => r.Status != MeteringRecordStatus.Pushed).Select(r => r.HourStart)
            .Concat(_meter.Hours.Where(h => h.Unstaged > 0).Select(h => h.HourStart))
            .Select(h => (DateTimeOffset?)h).Min();
        return new MeterStatement(_address.InstanceId, _meter.Hours, records, unpushed);
    }

    Task IUsageMeterGrain.Stage() => Stage();

    Task IRemindable.ReceiveReminder(string reminderName, TickStatus status) => reminderName == CloseReminder ? Stage() : Task.CompletedTask;

    private async Task Stage()
    {
        if (_meter.HasUnstaged)
        {
            var records = _meter.Close(clock.GetUtcNow(), options.Value.CloseDelay, _terms?.ProductId ?? "");
            if (records.Count > 0)
            {
                await ledger.StageAsync(records, CancellationToken.None);
                _meter.Staged(records);
                metrics.Staged(records.Count);
                GrainFactory.GetUsagePush().Wake().Ignore();
            }
        }

        if (!_meter.HasUnstaged && _reminderSet != false)
        {
            if (await this.GetReminder(CloseReminder) is { } reminder) await this.UnregisterReminder(reminder);
            _reminderSet = false;

            // A report may have come in while the reminder was being removed.
            if (_meter.HasUnstaged) await KeepClosing();
        }
    }

    // The reminder fires just after each hour closes, so a meter that went idle still stages its usage on time.
    private async Task KeepClosing()
    {
        if (_reminderSet == true) return;
        var now = clock.GetUtcNow();
        var nextClose = UsageHours.Start(now).AddHours(1) + options.Value.CloseDelay;
        await this.RegisterOrUpdateReminder(CloseReminder, nextClose - now, TimeSpan.FromHours(1));
        _reminderSet = true;
    }

    private IReadOnlyList<UsageEventResult> Report(UsageEventResult[] results)
    {
        foreach (var group in results.GroupBy(r => r.Status)) metrics.Reported(group.Key, group.Count());
        return results;
    }
}
