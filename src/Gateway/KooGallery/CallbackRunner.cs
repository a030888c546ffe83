using System.Diagnostics;
using Provisioning.Gateway.Telemetry;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;

namespace Provisioning.Gateway.KooGallery;

/// <summary>
/// Runs one marketplace callback: times it, logs its outcome, and turns any failure into <c>000005</c> so the
/// marketplace retries instead of seeing a 5xx. The failure's details go to the log, never into the answer.
/// </summary>
internal sealed class CallbackRunner(CallbackMetrics metrics, ILogger<CallbackRunner> logger)
{
    public async Task<byte[]> RunAsync(
        string protocol, string? activity, IReadOnlySet<string> knownActivities, Traffic traffic, Func<Task<Answer>> handle, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        Answer answer;
        try
        {
            answer = await handle();
            logger.LogInformation("{Protocol} {Activity} ({Traffic}) answered {ResultCode}", protocol, activity, traffic, answer.Code);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "{Protocol} {Activity} failed; answering {ResultCode} so the marketplace retries", protocol, activity, ResultCodes.InternalError);
            answer = Answer.Result(ResultCodes.InternalError, $"internal error, please retry (trace {Activity.Current?.TraceId.ToString() ?? "none"})");
        }

        // Unauthenticated callers choose the activity text: only known names become metric tags.
        var tag = activity is not null && knownActivities.Contains(activity) ? activity : "other";
        metrics.Record(protocol, tag, traffic == Traffic.Test, answer.Code, Stopwatch.GetElapsedTime(started));
        return answer.Body;
    }
}
