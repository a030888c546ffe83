namespace Provisioning.Grains.Instances;

/// <summary>What a lifecycle command did.</summary>
[GenerateSerializer, Alias("prov.InstanceOutcome")]
public enum InstanceOutcome
{
    /// <summary>The state changed and is durable.</summary>
    Applied = 0,

    /// <summary>Nothing to do: the command (or its order) was already applied.</summary>
    AlreadyApplied = 1,

    /// <summary>No instance was ever opened under this id.</summary>
    NotFound = 2,

    /// <summary>The instance was released; only a repeated release succeeds.</summary>
    Released = 3,

    /// <summary>Test traffic naming an unknown or released instance: accepted so replayed dial tests keep passing.</summary>
    AcceptedForTest = 4,

    /// <summary>Accepted and still being provisioned; ask again later.</summary>
    InProgress = 5,

    /// <summary>A check found the change allowed; nothing changed.</summary>
    Allowed = 6,

    /// <summary>The command's values break a marketplace limit (the message names each); nothing changed.</summary>
    Refused = 7,

    /// <summary>The seller's application has not (yet) created the instance's tenant (the provisioning hook); nothing was opened, ask again.</summary>
    AwaitingApplication = 8,
}

/// <summary>The answer to a lifecycle command: its outcome, a readable message and the instance afterwards.</summary>
[GenerateSerializer, Immutable, Alias("prov.InstanceReply")]
public sealed record InstanceReply(
    [property: Id(0)] InstanceOutcome Outcome,
    [property: Id(1)] string Message,
    [property: Id(2)] InstanceSnapshot? Instance);
