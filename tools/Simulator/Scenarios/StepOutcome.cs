namespace Provisioning.Simulator.Scenarios;

/// <summary>How one step went: the result code received, how long it took, and why it failed (null when it passed).</summary>
public sealed record StepOutcome(string Step, string? ResultCode, TimeSpan Elapsed, string? Failure)
{
    /// <summary>Whether the step passed.</summary>
    public bool Passed => Failure is null;
}
