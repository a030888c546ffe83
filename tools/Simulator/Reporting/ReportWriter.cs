using System.Globalization;
using Provisioning.Simulator.Running;
using Provisioning.Simulator.Scenarios;
using Spectre.Console;

namespace Provisioning.Simulator.Reporting;

/// <summary>Writes a run as one table per scenario and a summary line.</summary>
public sealed class ReportWriter(IAnsiConsole console, bool plain)
{
    /// <summary>A writer for the process's standard output, without colours or box drawing when it is redirected.</summary>
    public static ReportWriter ForStandardOutput()
    {
        var plain = Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        return new ReportWriter(console, plain);
    }

    /// <summary>Writes every scenario's steps (or why it was skipped), then how many steps passed.</summary>
    public void Write(SimulationReport report)
    {
        foreach (var scenario in report.Scenarios)
        {
            if (scenario.Skipped)
            {
                console.MarkupLine($"{Markup.Escape(scenario.Scenario)}: [yellow]skipped[/], {Markup.Escape(scenario.SkippedBecause!)}");
                console.WriteLine();
                continue;
            }

            console.Write(Table(scenario));
            console.WriteLine();
        }

        var steps = report.Steps.ToList();
        var failed = steps.Count(s => !s.Passed);
        var played = report.Played.ToList();
        var skipped = report.Scenarios.Count - played.Count;
        var verdict = report.Passed ? "[green]PASSED[/]" : "[red]FAILED[/]";
        console.MarkupLine($"{verdict}: {played.Count(s => s.Passed)}/{played.Count} scenarios, "
            + $"{steps.Count - failed}/{steps.Count} steps passed, {failed} failed"
            + (skipped > 0 ? $", {skipped} skipped" : ""));
    }

    private Table Table(ScenarioOutcome scenario)
    {
        var table = new Table()
            .Border(plain ? TableBorder.Ascii : TableBorder.Rounded)
            .Title(Markup.Escape(scenario.Scenario))
            .AddColumn("Step")
            .AddColumn("Result code")
            .AddColumn(new TableColumn("ms").RightAligned())
            .AddColumn("Verdict");
        foreach (var step in scenario.Steps)
        {
            table.AddRow(
                Markup.Escape(step.Step),
                Markup.Escape(step.ResultCode ?? "-"),
                step.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture),
                step.Failure is null ? "[green]pass[/]" : $"[red]FAIL[/] {Markup.Escape(step.Failure)}");
        }

        return table;
    }
}
