namespace Provisioning.Grains.Instances;

/// <summary>The lifecycle commands an instance records in its history.</summary>
[GenerateSerializer, Alias("prov.InstanceAction")]
public enum InstanceAction
{
    Open = 0,
    Renew = 1,
    Freeze = 2,
    Unfreeze = 3,
    Release = 4,
    Upgrade = 5,
    Provision = 6,
}

/// <summary>One applied transition of an instance, kept in its history.</summary>
[GenerateSerializer, Immutable, Alias("prov.InstanceTransition")]
public sealed record InstanceTransition(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] InstanceAction Action,
    [property: Id(2)] string? OrderId,
    [property: Id(3)] InstanceStatus? From,
    [property: Id(4)] InstanceStatus To,
    [property: Id(5)] string? Detail);
