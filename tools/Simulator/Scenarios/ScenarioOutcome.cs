namespace Provisioning.Simulator.Scenarios;

/// <summary>How one scenario went: its steps in order (it stops at its first failed step), or why it was skipped.</summary>
public sealed record ScenarioOutcome(string Scenario, IReadOnlyList<StepOutcome> Steps, string? SkippedBecause = null)
{
    /// <summary>Whether the scenario was not played because the run lacks a setting it needs.</summary>
    public bool Skipped => SkippedBecause is not null;

    /// <summary>Whether the scenario ran at least one step and every step passed.</summary>
    public bool Passed => Steps.Count > 0 && Steps.All(s => s.Passed);
}
