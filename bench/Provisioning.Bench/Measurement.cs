using System.Diagnostics;

namespace Provisioning.Bench;

/// <summary>Latencies of repeated runs of one operation, in milliseconds.</summary>
internal sealed record Measurement(string Name, IReadOnlyList<double> Milliseconds)
{
    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double P99 => Percentile(0.99);

    public double Total => Milliseconds.Sum();

    public double Max => Milliseconds.Max();

    public static async Task<Measurement> TakeAsync(string name, int runs, Func<int, Task> operation)
    {
        var times = new List<double>(runs);
        for (var run = 0; run < runs; run++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation(run);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new Measurement(name, times);
    }

    private double Percentile(double p)
    {
        var sorted = Milliseconds.Order().ToArray();
        return sorted[(int)Math.Ceiling(p * sorted.Length) - 1];
    }
}
