using Provisioning.Simulator.Scenarios;

namespace Provisioning.Simulator.Running;

/// <summary>The outcome of every scenario played in one run.</summary>
public sealed record SimulationReport(IReadOnlyList<ScenarioOutcome> Scenarios)
{
    /// <summary>Whether every scenario passed.</summary>
    public bool Passed => Scenarios.Count > 0 && Scenarios.All(s => s.Passed);

    /// <summary>The process exit code: 0 when every step passed, 1 otherwise.</summary>
    public int ExitCode => Passed ? 0 : 1;

    /// <summary>Every step of every scenario.</summary>
    public IEnumerable<StepOutcome> Steps => Scenarios.SelectMany(s => s.Steps);
}
