using System.Globalization;
using System.Text.RegularExpressions;

namespace Provisioning.Integration.Tests.Telemetry;

/// <summary>The samples of one metric in a Prometheus text exposition: <c>name{label="value",…} number [timestamp]</c>.</summary>
internal static partial class PrometheusText
{
    public static List<(IReadOnlyDictionary<string, string> Labels, double Value)> Samples(string exposition, string name) =>
        [.. exposition.Split('\n')
            .Select(line => Sample().Match(line))
            .Where(m => m.Success && m.Groups["name"].Value == name)
            .Select(m => ((IReadOnlyDictionary<string, string>)Label().Matches(m.Groups["labels"].Value)
                    .ToDictionary(l => l.Groups["key"].Value, l => l.Groups["value"].Value),
                double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)))];

    /// <summary>The value of the one sample of <paramref name="name"/> carrying all <paramref name="labels"/>, or null.</summary>
    public static double? Value(string exposition, string name, params (string Key, string Value)[] labels) =>
        Samples(exposition, name).Where(s => labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).Select(s => (double?)s.Value).SingleOrDefault();

    /// <summary>The sum of every sample of <paramref name="name"/> carrying all <paramref name="labels"/>.</summary>
    public static double Total(string exposition, string name, params (string Key, string Value)[] labels) =>
        Samples(exposition, name).Where(s => labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).Sum(s => s.Value);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)")]
    private static partial Regex Sample();

    [GeneratedRegex("(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=\"(?<value>[^\"]*)\"")]
    private static partial Regex Label();
}
