namespace Provisioning.Simulator.Running;

/// <summary>Where a run is: the scenario being played (1-based <paramref name="Number"/> of <paramref name="Count"/>) and its last step.</summary>
public sealed record RunProgress(string Scenario, int Number, int Count, string? LastStep);
