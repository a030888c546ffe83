using Provisioning.Infrastructure.Telemetry;

namespace Provisioning.Infrastructure.Tests.Telemetry;

public sealed class PeriodicReadingTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    private readonly ManualClock _clock = new();
    private readonly List<TaskCompletionSource<string>> _reads = [];
    private readonly List<Exception> _failures = [];

    private PeriodicReading<string> Reading() => new(_ =>
    {
        var read = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_reads) _reads.Add(read);
        return read.Task;
    }, Period, _clock, _failures.Add);

    [Fact]
    public async Task The_first_ask_starts_a_read_and_gets_its_value_only_once_it_ended()
    {
        using var reading = Reading();

        Assert.Null(reading.Last());
        await ReadsStarted(1);
        Assert.Null(reading.Last());
        _reads[0].SetResult("42");

        await Until(() => reading.Last() == "42");
    }

    [Fact]
    public async Task Asks_within_the_period_read_nothing_and_one_after_it_reads_again_while_the_last_value_is_shown()
    {
        using var reading = Reading();
        reading.Last();
        await ReadsStarted(1);
        _reads[0].SetResult("1");
        await Until(() => reading.Last() == "1");

        _clock.Advance(Period - TimeSpan.FromSeconds(1));
        for (var i = 0; i < 5; i++) Assert.Equal("1", reading.Last());
        await Task.Delay(50);
        Assert.Single(_reads);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("1", reading.Last());
        await ReadsStarted(2);
        _reads[1].SetResult("2");
        await Until(() => reading.Last() == "2");
    }

    [Fact]
    public async Task A_slow_read_is_not_started_twice()
    {
        using var reading = Reading();
        reading.Last();
        await ReadsStarted(1);

        _clock.Advance(Period * 3);
        for (var i = 0; i < 5; i++) Assert.Null(reading.Last());
        await Task.Delay(50);

        Assert.Single(_reads);
    }

    [Fact]
    public async Task A_failed_read_forgets_the_last_value_and_is_reported()
    {
        using var reading = Reading();
        reading.Last();
        await ReadsStarted(1);
        _reads[0].SetResult("1");
        await Until(() => reading.Last() == "1");

        _clock.Advance(Period);
        reading.Last();
        await ReadsStarted(2);
        _reads[1].SetException(new InvalidOperationException("database away"));

        await Until(() => reading.Last() is null);
        Assert.Equal("database away", Assert.Single(_failures).Message);
    }

    private async Task ReadsStarted(int count) => await Until(() => { lock (_reads) return _reads.Count == count; });

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
