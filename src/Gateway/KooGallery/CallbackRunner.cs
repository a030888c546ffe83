using System.Diagnostics;
using Microsoft.Extensions.Options;
using Provisioning.Gateway.Telemetry;
using Provisioning.Grains.Storage;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;

namespace Provisioning.Gateway.KooGallery;

/// <summary>
/// Runs one marketplace callback through its <see cref="CallbackSteps"/>: bounds it by <see cref="KooGalleryOptions.CallbackTimeout"/>, times it, logs one line naming
/// what it was about and its trace id, and turns any failure into <c>000005</c> so the marketplace retries instead of seeing
/// a 5xx or its own timeout. The failure's details go to the log, never into the answer. Before the answer goes out, the
/// <see cref="CallHistoryRecorder"/> records it in the history of the instances the call touched, within the same deadline.
/// </summary>
internal sealed class CallbackRunner(
    CallbackMetrics metrics, CallHistoryRecorder history, TimeProvider clock, IOptions<KooGalleryOptions> options, ILogger<CallbackRunner> logger)
{

    private const string LogLine = "{Protocol} {Activity} ({Traffic}) order {OrderId} instance {InstanceId} tenant {TenantId} answered {ResultCode} in {ElapsedMs:0.0} ms (trace {TraceId})";

    public async Task<byte[]> RunAsync(CallbackSubject call, IReadOnlySet<string> knownActivities, CallbackSteps steps, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var arrived = clock.GetUtcNow();
        using var span = CallbackSpan.Start(call.Protocol);
        var traceId = Activity.Current!.TraceId.ToString();
        var timeout = options.Value.CallbackTimeout;
        var work = StepAsync(call, steps);
        Answer answer;
        Exception? failure = null;
        string? reason = null;
        try
        {
            answer = await work.WaitAsync(timeout, cancellationToken);
        }
        catch (Exception e)
        {
            (failure, reason) = e switch
            {
                OperationCanceledException when cancellationToken.IsCancellationRequested => (null, "the caller disconnected before the answer"),
                TimeoutException => (e, $"no answer within {timeout.TotalSeconds:0.###} s"),
                DatabaseFailureException => (e, e.Message),
                _ => (e, "the call failed"),
            };
            if (failure is not null && cancellationToken.IsCancellationRequested) reason += " (the caller had disconnected)";
            answer = Answer.Result(ResultCodes.InternalError, $"internal error, please retry (trace {traceId})");
            if (!work.IsCompleted) ObserveLateFailure(work, call, traceId);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var (protocol, activity, order, instance, tenant) = (call.Protocol, CallbackSubject.Shown(call.Activity), CallbackSubject.Shown(call.OrderId), CallbackSubject.Shown(call.InstanceId), CallbackSubject.Shown(call.TenantId));
        if (reason is null)
        {
            logger.LogInformation(LogLine, protocol, activity, call.Traffic, order, instance, tenant, answer.Code, elapsed.TotalMilliseconds, traceId);
        }
        else
        {
            logger.Log(failure is null ? LogLevel.Warning : LogLevel.Error, failure, LogLine + ": {Reason}; the marketplace retries", protocol, activity, call.Traffic, order, instance, tenant, answer.Code, elapsed.TotalMilliseconds, traceId, reason);
        }

        // Unauthenticated callers choose the activity text: only known names become metric tags.
        var tag = call.Activity is not null && knownActivities.Contains(call.Activity) ? call.Activity : "other";
        metrics.Record(call.Protocol, tag, call.Traffic == Traffic.Test, answer.Code, elapsed);
        await history.RecordAsync(call, answer, arrived, elapsed, traceId, timeout - elapsed);
        return answer.Body;
    }

    private async Task<Answer> StepAsync(CallbackSubject call, CallbackSteps steps)
    {
        if (steps.Unreadable is { } unreadable) return Answer.InvalidParameter(unreadable);
        if (await steps.Authenticate() is { } refusal)
        {
            logger.LogWarning("Refused {Protocol} {Activity}: {Reason}", call.Protocol, CallbackSubject.Shown(call.Activity), refusal);
            return Answer.AuthenticationFailed(refusal);
        }

        call.Authenticated = true;
        return await ClusterRetry.RunAsync(steps.Dispatch);
    }

    // A call answered 000005 may still finish; its late failure would otherwise go unobserved and unlogged.
    private void ObserveLateFailure(Task<Answer> work, CallbackSubject call, string traceId) =>
        work.ContinueWith(
            t => logger.LogWarning(t.Exception!.GetBaseException(), "{Protocol} {Activity} (trace {TraceId}) failed after it was answered", call.Protocol, CallbackSubject.Shown(call.Activity), traceId),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
