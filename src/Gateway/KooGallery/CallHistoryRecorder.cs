using Provisioning.Grains.CallHistory;
using Provisioning.KooGallery;

namespace Provisioning.Gateway.KooGallery;

/// <summary>
/// Writes one call-history entry per instance an authentic callback touched, with what it was answered, before the
/// answer goes out. The write is bounded by what is left of the callback's deadline: when it fails or is late the
/// callback still answers what was decided, and a warning is logged — an audit write never fails the marketplace.
/// Entries hold the answer's result code and message, never its body (which carries encrypted credentials).
/// </summary>
internal sealed class CallHistoryRecorder(ICallHistoryGrain history, ILogger<CallHistoryRecorder> logger)
{
    private const int MaxShownMessage = 256;

    public async Task RecordAsync(CallbackSubject call, Answer answer, DateTimeOffset at, TimeSpan latency, string traceId, TimeSpan budget)
    {
        if (!call.Authenticated) return;
        // The protocols' instance ids are at most 64 characters: longer text (an unparsed id list) names no instance.
        var touched = call.Touched.Where(id => id.Length <= CallbackSubject.MaxShownId).ToList();
        if (touched.Count == 0) return;

        var activity = CallbackSubject.Shown(call.Activity);
        var orderId = string.IsNullOrEmpty(call.OrderId) ? null : CallbackSubject.Shown(call.OrderId);
        var message = QuotedText.Shorten(answer.Message, MaxShownMessage);
        IReadOnlyList<CallHistoryEntry> entries = [.. touched.Select(id => new CallHistoryEntry(
            id, call.Traffic, at, call.Protocol, activity, orderId, answer.Code, message, latency.TotalMilliseconds, traceId))];

        var write = history.Record(entries);
        try
        {
            await write.WaitAsync(budget > TimeSpan.Zero ? budget : TimeSpan.Zero);
        }
        catch (Exception e)
        {
            var late = e is TimeoutException && !write.IsCompleted;
            logger.LogWarning(late ? null : e, "{Protocol} {Activity} (trace {TraceId}) answered {ResultCode} without its call history: {Reason}",
                call.Protocol, activity, traceId, answer.Code, late ? "the write did not finish within the callback's deadline" : "the write failed");
            if (late) ObserveLateFailure(write, call.Protocol, activity, traceId);
        }
    }

    private void ObserveLateFailure(Task write, string protocol, string activity, string traceId) =>
        write.ContinueWith(
            t => logger.LogWarning(t.Exception!.GetBaseException(), "{Protocol} {Activity} (trace {TraceId}): its late call-history write failed", protocol, activity, traceId),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
