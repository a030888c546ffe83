using System.Diagnostics;
using System.Diagnostics.Metrics;
using Provisioning.Infrastructure.Telemetry;

namespace Provisioning.Gateway.Telemetry;

/// <summary>Counts the buyers' login steps by outcome: <c>answered</c>, or the refusal's error code.</summary>
internal sealed class LoginMetrics : IDisposable
{
    public const string MeterName = $"{ProvisioningTelemetry.Prefix}.Gateway.Login";

    private readonly Meter _meter;
    private readonly Counter<long> _outcomes;

    public LoginMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _outcomes = _meter.CreateCounter<long>("login.outcomes", "{login}", "Buyer login steps by outcome: answered (a redirect onward, or a logout page), or the refusal's error code");
    }

    public void Record(string step, string outcome) => _outcomes.Add(1, new TagList { { "step", step }, { "outcome", outcome } });

    public void Dispose() => _meter.Dispose();
}
