namespace Provisioning.Simulator.Scenarios;

/// <summary>How one scenario went: its steps in order; a scenario stops at its first failed step.</summary>
public sealed record ScenarioOutcome(string Scenario, IReadOnlyList<StepOutcome> Steps)
{
    /// <summary>Whether the scenario ran at least one step and every step passed.</summary>
    public bool Passed => Steps.Count > 0 && Steps.All(s => s.Passed);
}
