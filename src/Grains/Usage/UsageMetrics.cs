using System.Diagnostics.Metrics;

namespace Provisioning.Grains.Usage;

/// <summary>
/// Usage counters (events by status, records staged and pushed by outcome) and the outbox gauges: pending, held and
/// dead-lettered records, closed hours not yet staged and the metering lag, as last read by the push grain of this silo.
/// </summary>
public sealed class UsageMetrics : IDisposable
{
    // The hosts collect every meter named "Provisioning.*" (ProvisioningTelemetry).
    public const string MeterName = "Provisioning.Usage";

    private readonly Meter _meter;
    private readonly Counter<long> _events;
    private readonly Counter<long> _staged;
    private readonly Counter<long> _pushes;
    private readonly TimeProvider _clock;
    private OutboxSummary? _outbox;

    public UsageMetrics(IMeterFactory meters, TimeProvider clock)
    {
        _clock = clock;
        _meter = meters.Create(MeterName);
        _events = _meter.CreateCounter<long>("usage.events", "{event}", "Usage events reported, by status");
        _staged = _meter.CreateCounter<long>("usage.records.staged", "{record}", "Usage records staged for the marketplace");
        _pushes = _meter.CreateCounter<long>("usage.records.pushed", "{record}", "Usage records sent to the marketplace, by outcome");
        _meter.CreateObservableGauge("usage.records.pending", () => Observe(o => o.Pending), "{record}", "Records waiting to be pushed");
        _meter.CreateObservableGauge("usage.records.dead_lettered", () => Observe(o => o.DeadLettered), "{record}", "Records parked for an operator");
        _meter.CreateObservableGauge("usage.records.held", () => Observe(o => o.Held), "{record}", "Records the old push may have delivered, held for an operator");
        _meter.CreateObservableGauge("usage.hours.unstaged", () => Observe(o => o.UnstagedHours), "{hour}", "Closed hours whose usage is not yet staged as records");
        _meter.CreateObservableGauge("usage.lag", ObserveLag, "s", "Age of the oldest hour whose usage the marketplace has not accepted");
    }

    public void Reported(UsageEventStatus status, int count)
    {
        if (count > 0) _events.Add(count, new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant()));
    }

    public void Staged(int count) => _staged.Add(count);

    public void Pushed(UsageDeliveryOutcome outcome, int count) =>
        _pushes.Add(count, new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant()));

    public void Outbox(OutboxSummary summary) => _outbox = summary;

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> Observe(Func<OutboxSummary, long> value) =>
        _outbox is { } outbox ? [new Measurement<long>(value(outbox))] : [];

    private IEnumerable<Measurement<double>> ObserveLag() =>
        _outbox is { } outbox ? [new Measurement<double>(outbox.OldestUnpushedHour is { } hour ? (_clock.GetUtcNow() - hour).TotalSeconds : 0)] : [];
}
