using System.Diagnostics.Metrics;

namespace Provisioning.Infrastructure.SellerApplication;

/// <summary>Delivery counters of the events for the seller's application: attempts by outcome (delivered, failed, dead).</summary>
internal sealed class SellerEventMetrics : IDisposable
{
    // The hosts collect every meter named "Provisioning.*" (ProvisioningTelemetry).
    public const string MeterName = "Provisioning.SellerEvents";

    private readonly Meter _meter;
    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _duration;

    public SellerEventMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _deliveries = _meter.CreateCounter<long>("seller_events.deliveries", "{delivery}", "Event deliveries to the seller's application, by outcome");
        _duration = _meter.CreateHistogram<double>("seller_events.delivery.duration", "s", "How long one POST to the seller's application took");
    }

    public void Delivered(TimeSpan took) => Record("delivered", took);

    public void Failed(TimeSpan took) => Record("failed", took);

    public void Dead(TimeSpan took) => Record("dead", took);

    public void Dispose() => _meter.Dispose();

    private void Record(string outcome, TimeSpan took)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _deliveries.Add(1, tag);
        _duration.Record(took.TotalSeconds, tag);
    }
}
