namespace Provisioning.Simulator.Scenarios;

/// <summary>Stops a scenario at a failed step: the steps after it depend on what it should have done.</summary>
internal sealed class StepFailedException(string step) : Exception($"Step '{step}' failed.");
