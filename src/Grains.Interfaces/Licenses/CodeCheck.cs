namespace Provisioning.Grains.Licenses;

/// <summary>What the marketplace said about an activation code (license spec §B.5, §B.6, §B.8, §8 #11).</summary>
[GenerateSerializer, Alias("prov.CodeCheckOutcome")]
public enum CodeCheckOutcome
{
    /// <summary><c>92020000</c> with status <c>ALIVE</c>: the code may be used until its expiry.</summary>
    Alive = 0,

    /// <summary>Status <c>EXPIRED</c>: block use, keep the data; a renewal brings it back.</summary>
    Expired = 1,

    /// <summary>Status <c>RELEASED</c>: revoked for good.</summary>
    Released = 2,

    /// <summary><c>92020011</c>: the code exists but was never activated.</summary>
    NotActivated = 3,

    /// <summary><c>92020004</c>: the buyer has not claimed (领取) the code in 服务监管 yet.</summary>
    NotClaimed = 4,

    /// <summary><c>92020003</c>: the code is already activated (or otherwise not activatable); query it instead.</summary>
    AlreadyActivated = 5,

    /// <summary><c>92020005</c> or <c>92020020</c>: no such code (a typo, or another site's).</summary>
    NotFound = 6,

    /// <summary>No answer, HTTP 5xx or 429, or an internal error (<c>92020001</c> at 200/500): the same call may succeed later.</summary>
    Unavailable = 7,

    /// <summary>Refused for good: our credentials (401/403, <c>APIGW.03xx</c>), parameters or an unknown code; retrying will not help.</summary>
    Refused = 8,
}

/// <summary>
/// One answer of the activation code open APIs. Activation's expiry is the marketplace's estimate (§8 #17); a query's is
/// authoritative. <see cref="ResultCode"/> and <see cref="Message"/> say what the marketplace said (or that it said nothing).
/// </summary>
[GenerateSerializer, Immutable, Alias("prov.CodeCheck")]
public sealed record CodeCheck(
    [property: Id(0)] CodeCheckOutcome Outcome,
    [property: Id(1)] string ResultCode,
    [property: Id(2)] string Message,
    [property: Id(3)] DateTimeOffset? ExpiresAt = null,
    [property: Id(4)] DateTimeOffset? ActivatedAt = null,
    [property: Id(5)] string? ProductId = null,
    [property: Id(6)] string? OrderId = null,
    [property: Id(7)] int? Amount = null);

/// <summary>
/// One code's usage (license spec §B.7): the end users or devices that used the software, or an active count — each entry of
/// the marketplace's list carries exactly one of the two.
/// </summary>
[GenerateSerializer, Immutable, Alias("prov.CodeUsage")]
public sealed record CodeUsage(
    [property: Id(0)] string Code,
    [property: Id(1)] IReadOnlyList<string> UserIds,
    [property: Id(2)] int? ActiveCount);

/// <summary>Whether a usage report was taken; <see cref="RejectedCodes"/> names codes the marketplace's check refused.</summary>
[GenerateSerializer, Immutable, Alias("prov.UsageReportResult")]
public sealed record UsageReportResult(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] bool Transient,
    [property: Id(2)] string ResultCode,
    [property: Id(3)] string Message,
    [property: Id(4)] IReadOnlyList<string> RejectedCodes);
