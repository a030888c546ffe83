using Provisioning.Simulator.Reporting;
using Provisioning.Simulator.Running;
using Provisioning.Simulator.Scenarios;
using Spectre.Console.Cli;

namespace Provisioning.Simulator.Cli;

/// <summary><c>run</c>: plays the scenarios against a gateway and prints the report; exit code 0 only when every step passed.</summary>
public sealed class RunCommand : AsyncCommand<RunSettings>
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(settings.Gateway), Timeout = CallTimeout };
        var options = new SimulationOptions(settings.Key!, settings.AccessKey!, settings.BasePath);
        var scenarios = settings.Scenario is { } name ? [ScenarioCatalog.Find(name)!] : ScenarioCatalog.All;
        var report = await new SimulationRunner(http, options).Run(scenarios);
        ReportWriter.ForStandardOutput().Write(report);
        return report.ExitCode;
    }
}
