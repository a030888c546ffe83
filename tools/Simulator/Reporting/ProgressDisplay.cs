using Provisioning.Simulator.Running;
using Provisioning.Simulator.Scenarios;
using Spectre.Console;

namespace Provisioning.Simulator.Reporting;

/// <summary>Shows a live progress bar on a terminal while a run plays: which scenario, which step.</summary>
public static class ProgressDisplay
{
    /// <summary>Plays the scenarios under a progress bar that clears itself when done, leaving room for the report.</summary>
    public static Task<SimulationReport> Run(SimulationRunner runner, IReadOnlyList<IScenario> scenarios) =>
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("starting", maxValue: scenarios.Count);
                var report = await runner.Run(scenarios, new TaskReporter(task));
                task.Value = task.MaxValue;
                return report;
            });

    // Reports synchronously (Progress<T> would post updates out of order); Spectre's task is safe to update from any thread.
    private sealed class TaskReporter(ProgressTask task) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            task.Value = value.Number - 1;
            var step = value.LastStep is null ? "" : $": {value.LastStep}";
            task.Description = Markup.Escape($"{value.Number}/{value.Count} {value.Scenario}{step}");
        }
    }
}
