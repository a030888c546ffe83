using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Provisioning.Gateway.KooGallery;
using Provisioning.Gateway.Telemetry;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Storage;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.Pipeline;

/// <summary>The callback runner: every call answered within the callback timeout, every failure one logged 000005 (issue 10, items 3, 4, 5, 12).</summary>
public sealed class CallbackRunnerTests : IDisposable
{
    private static readonly HashSet<string> Known = ["newInstance"];

    // A readable, authentic call that does what the test gives it.
    private static CallbackSteps Doing(Func<Task<Answer>> dispatch) => new(null, () => Task.FromResult<string?>(null), dispatch);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeLogger<CallbackRunner> _log = new();

    private CallbackRunner Runner(TimeSpan timeout) =>
        new(new CallbackMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            new CallHistoryRecorder(new FakeCallHistory(), new FakeLogger<CallHistoryRecorder>()), TimeProvider.System,
            Options.Create(new KooGalleryOptions { CallbackTimeout = timeout, ProvisioningBudget = TimeSpan.Zero }), _log);

    private static CallbackSubject Call() => new("v1", "newInstance", Traffic.Live) { OrderId = "CS1906666666ABCDE", InstanceId = "inst-42" };

    private static (string Code, string Message) Read(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        return (json.RootElement.GetProperty("resultCode").GetString()!, json.RootElement.GetProperty("resultMsg").GetString()!);
    }

    [Fact]
    public async Task A_grain_that_never_answers_gets_000005_once_the_callback_timeout_has_passed()
    {
        var never = new TaskCompletionSource<Answer>();

        var (code, message) = Read(await Runner(TimeSpan.FromMilliseconds(300)).RunAsync(Call(), Known, Doing(() => never.Task), CancellationToken.None));

        Assert.Equal(ResultCodes.InternalError, code);
        var trace = message[(message.IndexOf("(trace ", StringComparison.Ordinal) + 7)..^1];
        Assert.Matches("^[0-9a-f]{32}$", trace);
        var line = _log.LatestRecord;
        Assert.Equal(LogLevel.Error, line.Level);
        Assert.Contains(trace, line.Message);
        Assert.Contains("no answer within 0.3 s", line.Message);
        Assert.Contains("newInstance", line.Message);
        Assert.Contains("order CS1906666666ABCDE", line.Message);
        Assert.Contains("instance inst-42", line.Message);
    }

    [Fact]
    public async Task A_grain_call_dropped_by_a_stopping_silo_is_sent_again_and_answered()
    {
        var attempts = 0;
        Task<Answer> Dispatch() => ++attempts < 3
            ? Task.FromException<Answer>(new SiloUnavailableException("The target silo became unavailable for message"))
            : Task.FromResult(Answer.Result(ResultCodes.Success, "success"));

        var (code, _) = Read(await Runner(TimeSpan.FromSeconds(4)).RunAsync(Call(), Known, Doing(Dispatch), CancellationToken.None));

        Assert.Equal((ResultCodes.Success, 3), (code, attempts));
    }

    [Fact]
    public async Task A_cluster_that_keeps_dropping_the_call_gets_000005_after_the_last_retry()
    {
        var attempts = 0;
        Task<Answer> Dispatch()
        {
            attempts++;
            return Task.FromException<Answer>(new SiloUnavailableException("The target silo became unavailable for message"));
        }

        var (code, _) = Read(await Runner(TimeSpan.FromSeconds(4)).RunAsync(Call(), Known, Doing(Dispatch), CancellationToken.None));

        Assert.Equal((ResultCodes.InternalError, 4), (code, attempts));
    }

    [Fact]
    public async Task A_call_that_fails_after_its_000005_was_sent_is_logged_once_it_fails()
    {
        var late = new TaskCompletionSource<Answer>();
        await Runner(TimeSpan.FromMilliseconds(100)).RunAsync(Call(), Known, Doing(() => late.Task), CancellationToken.None);
        Assert.Single(_log.Collector.GetSnapshot());

        late.SetException(new DatabaseFailureException("database unavailable: 08006: connection lost"));

        // The late failure is logged by a continuation, which may run on another thread.
        await Eventually.True(() => _log.Collector.Count == 2, "the late failure is logged");
        var after = _log.LatestRecord;
        Assert.Equal(LogLevel.Warning, after.Level);
        Assert.Contains("failed after it was answered", after.Message);
        Assert.Equal("database unavailable: 08006: connection lost", after.Exception!.Message);
    }

    [Fact]
    public async Task A_failure_after_the_caller_disconnected_is_answered_and_logged_not_thrown()
    {
        using var disconnected = new CancellationTokenSource();
        await disconnected.CancelAsync();

        var body = await Runner(TimeSpan.FromSeconds(4)).RunAsync(Call(), Known, Doing(() => Task.FromException<Answer>(new TimeoutException("grain call timed out"))), disconnected.Token);

        Assert.Equal(ResultCodes.InternalError, Read(body).Code);
        Assert.Contains("no answer within 4 s (the caller had disconnected)", _log.LatestRecord.Message);
    }

    [Fact]
    public async Task A_caller_that_disconnects_while_the_grain_works_stops_the_wait()
    {
        using var disconnect = new CancellationTokenSource();
        var never = new TaskCompletionSource<Answer>();

        var run = Runner(TimeSpan.FromSeconds(4)).RunAsync(Call(), Known, Doing(() => never.Task), disconnect.Token);
        await disconnect.CancelAsync();

        Assert.Equal(ResultCodes.InternalError, Read(await run).Code);
        Assert.Equal(LogLevel.Warning, _log.LatestRecord.Level);
        Assert.Contains("the caller disconnected before the answer", _log.LatestRecord.Message);
    }

    [Fact]
    public async Task A_database_failure_is_logged_with_its_cause_and_answered_without_it()
    {
        var failure = new DatabaseFailureException("database unavailable: 57P01: terminating connection due to administrator command");

        var (code, message) = Read(await Runner(TimeSpan.FromSeconds(4)).RunAsync(Call(), Known, Doing(() => Task.FromException<Answer>(failure)), CancellationToken.None));

        Assert.Equal(ResultCodes.InternalError, code);
        Assert.DoesNotContain("57P01", message);
        var line = Assert.Single(_log.Collector.GetSnapshot());
        Assert.Contains("database unavailable: 57P01: terminating connection due to administrator command", line.Message);
        Assert.Same(failure, line.Exception);
    }

    [Fact]
    public async Task Every_answered_call_logs_one_line_with_its_activity_ids_result_and_trace()
    {
        var answer = Answer.Result(ResultCodes.Success, "ok");

        await Runner(TimeSpan.FromSeconds(4)).RunAsync(Call(), Known, Doing(() => Task.FromResult(answer)), CancellationToken.None);

        var line = Assert.Single(_log.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Matches("^v1 newInstance \\(Live\\) order CS1906666666ABCDE instance inst-42 tenant - answered 000000 in [0-9.]+ ms \\(trace [0-9a-f]{32}\\)$", line.Message);
    }

    [Fact]
    public async Task An_unreadable_call_is_refused_before_it_is_authenticated_and_a_forged_one_before_it_is_dispatched()
    {
        var (authenticated, dispatched) = (0, 0);
        Task<string?> Authenticate(string? refusal) { authenticated++; return Task.FromResult(refusal); }
        Task<Answer> Dispatch() { dispatched++; return Task.FromResult(Answer.Result(ResultCodes.Success, "ok")); }
        var runner = Runner(TimeSpan.FromSeconds(4));

        var unreadable = Read(await runner.RunAsync(Call(), Known, new CallbackSteps("the body repeats the key 'orderId'", () => Authenticate(null), Dispatch), CancellationToken.None));
        Assert.Equal((ResultCodes.InvalidParameter, "the body repeats the key 'orderId'", 0, 0), (unreadable.Code, unreadable.Message, authenticated, dispatched));

        var forged = Read(await runner.RunAsync(Call(), Known, new CallbackSteps(null, () => Authenticate("authToken does not match the request"), Dispatch), CancellationToken.None));
        Assert.Equal((ResultCodes.AuthenticationFailed, "authToken does not match the request", 1, 0), (forged.Code, forged.Message, authenticated, dispatched));
        Assert.Contains(_log.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message == "Refused v1 newInstance: authToken does not match the request");

        var genuine = Read(await runner.RunAsync(Call(), Known, new CallbackSteps(null, () => Authenticate(null), Dispatch), CancellationToken.None));
        Assert.Equal((ResultCodes.Success, 2, 1), (genuine.Code, authenticated, dispatched));
    }

    public void Dispose() => _services.Dispose();
}
