namespace Provisioning.Simulator.Scenarios;

/// <summary>Stops a scenario before its first step: the run lacks a setting it needs.</summary>
internal sealed class ScenarioSkippedException(string reason) : Exception(reason);
