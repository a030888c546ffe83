namespace Provisioning.Grains.Instances;

/// <summary>What the state machine decided for one command, with the message the marketplace will see.</summary>
internal readonly record struct Decision(InstanceOutcome Outcome, string Message)
{
    public static Decision Applied(string message) => new(InstanceOutcome.Applied, message);
    public static Decision AlreadyApplied(string message) => new(InstanceOutcome.AlreadyApplied, message);
    public static Decision NotFound(string instanceId) => new(InstanceOutcome.NotFound, $"instance {instanceId} does not exist");
    public static Decision Released(string instanceId) => new(InstanceOutcome.Released, $"instance {instanceId} has been released");
    public static Decision Refused(string message) => new(InstanceOutcome.Refused, message);
    public static Decision AwaitingApplication(string message) => new(InstanceOutcome.AwaitingApplication, message);
    public static Decision InProgress(string instanceId) => new(InstanceOutcome.InProgress, $"instance {instanceId} is still being provisioned");
}
