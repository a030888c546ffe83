using System.Diagnostics;
using Provisioning.Infrastructure.Telemetry;

namespace Provisioning.Gateway.Telemetry;

/// <summary>
/// The span of one marketplace callback. Without a listener (no OTLP export) it is a bare activity all the same, so every
/// callback has a trace id for its answer and its log line to share.
/// </summary>
internal static class CallbackSpan
{
    public const string SourceName = $"{ProvisioningTelemetry.Prefix}.Gateway";

    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? Start(string protocol) =>
        Source.StartActivity($"koogallery {protocol}") ?? (Activity.Current is null ? new Activity($"koogallery {protocol}").Start() : null);
}
