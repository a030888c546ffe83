using Provisioning.Simulator.Scenarios;

namespace Provisioning.Simulator.Running;

/// <summary>The outcome of every scenario played (or skipped) in one run.</summary>
public sealed record SimulationReport(IReadOnlyList<ScenarioOutcome> Scenarios)
{
    /// <summary>The scenarios that were played.</summary>
    public IEnumerable<ScenarioOutcome> Played => Scenarios.Where(s => !s.Skipped);

    /// <summary>Whether at least one scenario was played and every played scenario passed.</summary>
    public bool Passed => Played.Any() && Played.All(s => s.Passed);

    /// <summary>The process exit code: 0 when every step passed, 1 otherwise.</summary>
    public int ExitCode => Passed ? 0 : 1;

    /// <summary>Every step of every scenario.</summary>
    public IEnumerable<StepOutcome> Steps => Scenarios.SelectMany(s => s.Steps);
}
