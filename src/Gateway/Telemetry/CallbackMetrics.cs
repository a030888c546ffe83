using System.Diagnostics;
using System.Diagnostics.Metrics;
using Provisioning.Infrastructure.Telemetry;

namespace Provisioning.Gateway.Telemetry;

/// <summary>Counts and times every marketplace callback by protocol, activity, traffic and result code.</summary>
internal sealed class CallbackMetrics : IDisposable
{
    public const string MeterName = $"{ProvisioningTelemetry.Prefix}.Gateway";

    private readonly Meter _meter;
    private readonly Histogram<double> _duration;

    public CallbackMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _duration = _meter.CreateHistogram<double>("koogallery.callback.duration", "ms", "Time to answer a marketplace callback");
    }

    public void Record(string protocol, string? activity, bool test, string resultCode, TimeSpan elapsed) =>
        _duration.Record(elapsed.TotalMilliseconds, new TagList
        {
            { "protocol", protocol },
            { "activity", activity ?? "" },
            { "traffic", test ? "test" : "live" },
            { "result_code", resultCode },
        });

    public void Dispose() => _meter.Dispose();
}
