namespace Provisioning.Grains.Licenses;

/// <summary>What a marketplace callback did to an activation code.</summary>
[GenerateSerializer, Alias("prov.CodeOutcome")]
public enum CodeOutcome
{
    /// <summary>The code changed and the change is durable.</summary>
    Applied = 0,

    /// <summary>Nothing to do: already applied, or superseded (a freeze older than a renewal that is still running).</summary>
    AlreadyApplied = 1,

    /// <summary>The code was never activated here.</summary>
    NotFound = 2,

    /// <summary>The code was released; only a repeated release succeeds.</summary>
    Released = 3,

    /// <summary>Test traffic naming a code never seen or released: accepted, so replayed debug calls keep passing (license spec §8 #14).</summary>
    AcceptedForTest = 4,
}

/// <summary>The answer to a marketplace callback: its outcome and a readable message.</summary>
[GenerateSerializer, Immutable, Alias("prov.CodeReply")]
public sealed record CodeReply([property: Id(0)] CodeOutcome Outcome, [property: Id(1)] string Message);
