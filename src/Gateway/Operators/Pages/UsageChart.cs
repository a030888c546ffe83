using System.Globalization;

namespace Provisioning.Gateway.Operators.Pages;

/// <summary>Server-rendered SVG bars of an instance's usage by hour: three bars an hour, recorded, staged and pushed.</summary>
public sealed record UsageChart(IReadOnlyList<UsageChart.Bar> Bars, decimal Max)
{
    public const int Width = 720;
    public const int Height = 160;
    private const int Top = 16;

    public sealed record Bar(string X, string Y, string Width, string Height, string Color, string Title);

    public static UsageChart Of(IReadOnlyList<UsageHourRow> hours)
    {
        var max = hours.Count == 0 ? 0 : hours.Max(h => Math.Max(h.Recorded, Math.Max(h.Staged, h.Pushed)));
        if (hours.Count == 0 || max <= 0) return new UsageChart([], max);

        var slot = (double)Width / hours.Count;
        var barWidth = Math.Max(1, slot / 4);
        var bars = new List<Bar>();
        for (var i = 0; i < hours.Count; i++)
        {
            var h = hours[i];
            foreach (var (k, value, color, what) in new[] { (0, h.Recorded, "#999", "recorded"), (1, h.Staged, "#36c", "staged"), (2, h.Pushed, "#3a3", "pushed") })
            {
                var height = (double)(value / max) * (Height - Top);
                bars.Add(new Bar(Number(i * slot + k * barWidth), Number(Height - height), Number(barWidth), Number(height), color,
                    $"{h.HourStart:u} {what} {value}"));
            }
        }

        return new UsageChart(bars, max);
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
