namespace Provisioning.Grains.Usage;

/// <summary>What became of one reported usage event.</summary>
[GenerateSerializer, Alias("prov.UsageEventStatus")]
public enum UsageEventStatus
{
    /// <summary>Recorded durably and counted.</summary>
    Accepted = 0,

    /// <summary>An event with the same id was recorded before; it is not counted again.</summary>
    Duplicate = 1,

    /// <summary>Not recorded; <see cref="UsageEventResult.Reason"/> says why.</summary>
    Rejected = 2,
}

/// <summary>The answer for one usage event, in the order the events were sent.</summary>
[GenerateSerializer, Immutable, Alias("prov.UsageEventResult")]
public sealed record UsageEventResult(
    [property: Id(0)] UsageEventStatus Status,
    [property: Id(1)] string? Reason)
{
    public static readonly UsageEventResult Accepted = new(UsageEventStatus.Accepted, null);

    public static readonly UsageEventResult Duplicate = new(UsageEventStatus.Duplicate, null);

    public static UsageEventResult Rejected(string reason) => new(UsageEventStatus.Rejected, reason);
}
