using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Provisioning.Gateway.KooGallery;
using Provisioning.Gateway.Telemetry;
using Provisioning.Grains.CallHistory;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;

namespace Provisioning.Gateway.Tests.KooGallery.Pipeline;

/// <summary>The runner records each authentic call before it answers, and answers what was decided whatever the history does.</summary>
public sealed class CallHistoryRecorderTests : IDisposable
{
    private static readonly HashSet<string> Known = ["queryInstance", "refreshInstance"];
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeLogger<CallHistoryRecorder> _log = new();

    private CallbackRunner Runner(ICallHistoryGrain history, TimeSpan timeout) =>
        new(new CallbackMetrics(_services.GetRequiredService<IMeterFactory>()), new CallHistoryRecorder(history, _log), TimeProvider.System,
            Options.Create(new KooGalleryOptions { CallbackTimeout = timeout, ProvisioningBudget = TimeSpan.Zero }), new FakeLogger<CallbackRunner>());

    private static CallbackSteps Answering(Answer answer, string? refusal = null) =>
        new(null, () => Task.FromResult(refusal), async () => { await Task.Delay(5); return answer; });

    [Fact]
    public async Task An_authentic_call_is_recorded_once_per_instance_it_names_with_its_answer()
    {
        var history = new FakeCallHistory();
        var call = new CallbackSubject("v2", "queryInstance", Traffic.Test) { InstanceId = "a,b,a", InstanceIds = ["a", "b", "a"] };
        var before = DateTimeOffset.UtcNow;

        await Runner(history, TimeSpan.FromSeconds(4)).RunAsync(call, Known, Answering(Answer.Result(ResultCodes.InProgress, "1 of 2 instances are still being provisioned")), CancellationToken.None);

        Assert.Equal(["a", "b"], history.Recorded.Select(e => e.InstanceId));
        foreach (var entry in history.Recorded)
        {
            Assert.Equal((Traffic.Test, "v2", "queryInstance", (string?)null, ResultCodes.InProgress, "1 of 2 instances are still being provisioned"),
                (entry.Traffic, entry.Protocol, entry.Activity, entry.OrderId, entry.ResultCode, entry.ResultMessage));
            Assert.Matches("^[0-9a-f]{32}$", entry.TraceId);
            Assert.InRange(entry.LatencyMs, 1, 4_000);
            Assert.InRange(entry.At, before, DateTimeOffset.UtcNow);
        }

        Assert.Empty(_log.Collector.GetSnapshot());
    }

    [Fact]
    public async Task A_refused_call_is_not_recorded()
    {
        var history = new FakeCallHistory();
        var call = new CallbackSubject("v1", "refreshInstance", Traffic.Live) { InstanceId = "someone-elses", OrderId = "CS1" };

        await Runner(history, TimeSpan.FromSeconds(4)).RunAsync(call, Known, Answering(Answer.Result(ResultCodes.Success, "ok"), refusal: "authToken does not match"), CancellationToken.None);

        Assert.Empty(history.Recorded);
    }

    [Fact]
    public async Task A_failing_history_write_is_logged_and_the_decided_answer_still_goes_out()
    {
        var history = new FakeCallHistory(_ => Task.FromException(new InvalidOperationException("53100: no space left on device")));
        var call = new CallbackSubject("v1", "refreshInstance", Traffic.Live) { InstanceId = "inst-1", OrderId = "CS1" };

        var body = await Runner(history, TimeSpan.FromSeconds(4)).RunAsync(call, Known, Answering(Answer.Result(ResultCodes.Success, "renewed")), CancellationToken.None);

        Assert.Contains("\"resultCode\":\"000000\"", System.Text.Encoding.UTF8.GetString(body));
        var warning = Assert.Single(_log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("answered 000000 without its call history: the write failed", warning.Message);
    }

    [Fact]
    public async Task A_history_write_that_outlasts_the_deadline_does_not_hold_the_answer_past_it()
    {
        var never = new TaskCompletionSource();
        var history = new FakeCallHistory(_ => never.Task);
        var call = new CallbackSubject("v1", "refreshInstance", Traffic.Live) { InstanceId = "inst-1" };
        var timeout = TimeSpan.FromMilliseconds(500);
        var started = Stopwatch.GetTimestamp();

        var body = await Runner(history, timeout).RunAsync(call, Known, Answering(Answer.Result(ResultCodes.Success, "renewed")), CancellationToken.None);

        Assert.InRange(Stopwatch.GetElapsedTime(started), timeout * 0.5, timeout * 4);
        Assert.Contains("\"resultCode\":\"000000\"", System.Text.Encoding.UTF8.GetString(body));
        Assert.Contains("the write did not finish within the callback's deadline", Assert.Single(_log.Collector.GetSnapshot()).Message);
    }

    public void Dispose() => _services.Dispose();
}
