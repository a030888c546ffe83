namespace Provisioning.Grains.Licenses;

/// <summary>Where an activation code stands for the seller's software.</summary>
[GenerateSerializer, Alias("prov.CodeState")]
public enum CodeState
{
    /// <summary>Not activated (here, or at the marketplace): activate it.</summary>
    NotActivated = 0,

    /// <summary>Activated and within its expiry.</summary>
    Active = 1,

    /// <summary>Past its expiry, or the marketplace says <c>EXPIRED</c>: renew it on KooGallery; the data is kept.</summary>
    Expired = 2,

    /// <summary>Frozen by the marketplace after expiry and grace period: renew it; the data is kept.</summary>
    Frozen = 3,

    /// <summary>Released: revoked for good.</summary>
    Released = 4,

    /// <summary>The marketplace knows no such code.</summary>
    Invalid = 5,
}

/// <summary>Why the marketplace could not answer for a code the backend knows nothing about yet.</summary>
[GenerateSerializer, Alias("prov.CodeProblem")]
public enum CodeProblem
{
    /// <summary>The buyer has not claimed (领取) the code in 买家中心 &gt; 服务监管.</summary>
    NotClaimed = 0,

    /// <summary>The marketplace knows no such code.</summary>
    NotFound = 1,

    /// <summary>The marketplace could not be reached or failed; the same call may succeed later.</summary>
    Unavailable = 2,

    /// <summary>The marketplace refused the seller's own credentials or request: the seller's configuration must change.</summary>
    Refused = 3,
}

/// <summary>
/// Whether the software may run on a code now, and why: its state, expiry, activation, when the marketplace last confirmed it
/// and until when the software may run without another confirmation (<see cref="OfflineUntil"/>), with a message for its user.
/// <see cref="Problem"/> is set only when the marketplace could not say anything about a code not yet activated here.
/// </summary>
[GenerateSerializer, Immutable, Alias("prov.CodeStanding")]
public sealed record CodeStanding(
    [property: Id(0)] string Code,
    [property: Id(1)] CodeState State,
    [property: Id(2)] bool MayRun,
    [property: Id(3)] DateTimeOffset? ExpiresAt,
    [property: Id(4)] DateTimeOffset? ActivatedAt,
    [property: Id(5)] DateTimeOffset? LastCheckedAt,
    [property: Id(6)] DateTimeOffset? OfflineUntil,
    [property: Id(7)] string? ProductId,
    [property: Id(8)] string? OrderId,
    [property: Id(9)] int? Amount,
    [property: Id(10)] string Message,
    [property: Id(11)] CodeProblem? Problem = null);

/// <summary>What became of a usage report.</summary>
[GenerateSerializer, Alias("prov.CodeUsageOutcome")]
public enum CodeUsageOutcome
{
    /// <summary>The marketplace took it.</summary>
    Accepted = 0,

    /// <summary>Not sent: the code is not active (never activated, expired, frozen or released).</summary>
    NotActive = 1,

    /// <summary>The marketplace refused it for good.</summary>
    Rejected = 2,

    /// <summary>The marketplace could not be reached or failed; send it again.</summary>
    Unavailable = 3,
}

/// <summary>The answer to a usage report, with the marketplace's message when it answered.</summary>
[GenerateSerializer, Immutable, Alias("prov.CodeUsageReply")]
public sealed record CodeUsageReply([property: Id(0)] CodeUsageOutcome Outcome, [property: Id(1)] string Message);
