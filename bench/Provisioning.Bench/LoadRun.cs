using System.Diagnostics;

namespace Provisioning.Bench;

/// <summary>The outcome of driving one operation for a while: how many completed per second, and how long each took.</summary>
internal sealed record LoadResult(string Name, int Concurrency, double PerSecond, double P50Ms, double P99Ms, int Errors)
{
    /// <summary>The result of the operations that completed within a measured window of <paramref name="duration"/>.</summary>
    public static LoadResult Of(string name, int concurrency, TimeSpan duration, IEnumerable<double> latenciesMs, int errors)
    {
        var all = latenciesMs.Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? double.NaN : all[Math.Max(0, (int)Math.Ceiling(p * all.Length) - 1)];
        return new LoadResult(name, concurrency, all.Length / duration.TotalSeconds, Percentile(0.50), Percentile(0.99), errors);
    }
}

/// <summary>Drives an operation from many concurrent callers, either flat out (closed loop) or at a fixed rate (open loop).</summary>
internal static class LoadRun
{
    /// <summary>How long every workload runs before its measurement starts.</summary>
    public static readonly TimeSpan Warmup = TimeSpan.FromSeconds(2);

    /// <summary>Each of <paramref name="concurrency"/> callers repeats the operation as fast as it completes.</summary>
    public static Task<LoadResult> ClosedLoopAsync(string name, int concurrency, TimeSpan duration, Func<int, Task<bool>> operation) =>
        RunAsync(name, concurrency, duration, operation, interval: null);

    /// <summary>Starts operations at <paramref name="perSecond"/> in total, spread over the callers, whatever their latency.</summary>
    public static Task<LoadResult> OpenLoopAsync(string name, int concurrency, double perSecond, TimeSpan duration, Func<int, Task<bool>> operation) =>
        RunAsync(name, concurrency, duration, operation, TimeSpan.FromSeconds(concurrency / perSecond));

    private static async Task<LoadResult> RunAsync(string name, int concurrency, TimeSpan duration, Func<int, Task<bool>> operation, TimeSpan? interval)
    {
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var counter = 0;
        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + (long)(Warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(caller => Task.Run(async () =>
        {
            var mine = latencies[caller] = [];
            // Callers of an open loop start a fraction of the interval apart, so that operations arrive evenly rather than
            // in bursts of one per caller at the same instant.
            var next = Stopwatch.GetTimestamp() + (interval is { } spacing ? (long)(spacing.TotalSeconds * Stopwatch.Frequency * caller / concurrency) : 0);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                if (interval is { } every)
                {
                    next += (long)(every.TotalSeconds * Stopwatch.Frequency);
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                    if (wait > TimeSpan.Zero) await Task.Delay(wait);
                }

                var begin = Stopwatch.GetTimestamp();
                var ok = await operation(Interlocked.Increment(ref counter));
                if (begin < measureFrom) continue;
                if (!ok) Interlocked.Increment(ref errors);
                mine.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            }
        })));

        return LoadResult.Of(name, concurrency, duration, latencies.SelectMany(l => l), errors);
    }
}
