namespace Provisioning.Marketplace.OpenApi;

/// <summary>An activation code's status, as the query reports it (license §B.6).</summary>
public enum CodeStatus
{
    /// <summary><c>ALIVE</c>; reported <c>EXPIRED</c> once its expiry has passed.</summary>
    Alive,

    /// <summary><c>EXPIRED</c>, as after a lapsed renewal or a freeze.</summary>
    Expired,

    /// <summary><c>RELEASED</c>: revoked for good.</summary>
    Released,
}

/// <summary>An activation code a scenario registers with the fake open API, as the buyer's purchase and 领取 left it.</summary>
/// <param name="Claimed">Whether the buyer claimed (领取) it; an unclaimed code's activation answers <c>92020004</c>.</param>
/// <param name="Activated">Whether it is activated already (a second activation answers <c>92020003</c>).</param>
/// <param name="Status">Its status.</param>
/// <param name="ExpireTime">Its expiry; none for a year from registration.</param>
/// <param name="ProductId">The product it was bought for.</param>
/// <param name="OrderId">The order it was bought with.</param>
/// <param name="Amount">The quantity pricing attribute.</param>
/// <param name="EstimatedExpireTime">The expiry activation estimates (§B.5), when it differs from the one the query reports.</param>
public sealed record CodeScript(
    bool Claimed = true,
    bool Activated = false,
    CodeStatus Status = CodeStatus.Alive,
    DateTimeOffset? ExpireTime = null,
    string ProductId = "00301-000001-0--0",
    string OrderId = "CS0000000000SIMUL",
    int Amount = 1,
    DateTimeOffset? EstimatedExpireTime = null);

/// <summary>What the simulator changes on a code when it plays a renewal, a freeze or a claim; null members stay as they are.</summary>
public sealed record CodeChange(DateTimeOffset? ExpireTime = null, CodeStatus? Status = null, bool? Claimed = null);

/// <summary>A failure the fake plays on an activation code API call instead of its answer.</summary>
public enum CodeFault
{
    /// <summary>HTTP 500 <c>92020001</c> (internal error), nothing done: the caller should retry.</summary>
    ServerError,

    /// <summary>HTTP 200 <c>92020001</c> (internal error), nothing done: the caller should retry.</summary>
    InternalError,

    /// <summary>HTTP 403 <c>92020001</c> (unauthorized), nothing done: the caller's credentials, never retried.</summary>
    Unauthorized,

    /// <summary>The call is carried out, but its answer is held back past the caller's timeout: a retried activation meets <c>92020003</c>.</summary>
    Timeout,
}

/// <summary>A request to make the next <paramref name="Count"/> calls (of one code, or of any) fail with <paramref name="Fault"/>.</summary>
public sealed record CodeFaultRequest(CodeFault Fault, int Count);

/// <summary>A code's state in the fake and what arrived for it.</summary>
/// <param name="Claimed">Whether the buyer claimed it.</param>
/// <param name="Activated">Whether it is activated.</param>
/// <param name="Status">Its status as set (the query reports <c>EXPIRED</c> for an <c>ALIVE</c> code past its expiry).</param>
/// <param name="ExpireTime">Its expiry.</param>
/// <param name="ActivatedAt">When it was activated through the API, if it was.</param>
/// <param name="RealEffectTime">The <c>real_effect_time</c> of that activation, as sent.</param>
/// <param name="Activations">Activations that succeeded.</param>
/// <param name="RefusedActivations">Activations refused (not claimed, already activated, not alive, bad time).</param>
/// <param name="Queries">Queries of the code the fake answered (not those a fault played instead).</param>
/// <param name="FaultsPlayed">Faults queued for this code that calls played.</param>
/// <param name="UsageReports">Usage entries taken for it.</param>
/// <param name="UsageIds">The distinct ids reported for it, in order of arrival.</param>
/// <param name="LastActiveNum">The last <c>active_num</c> reported for it.</param>
/// <param name="LastThirdPartyAccount">The last legacy <c>heartbeatInfo.thirdPartyAccount</c> a query carried.</param>
public sealed record CodeTrace(
    bool Claimed,
    bool Activated,
    CodeStatus Status,
    DateTimeOffset ExpireTime,
    DateTimeOffset? ActivatedAt,
    string? RealEffectTime,
    int Activations,
    int RefusedActivations,
    int Queries,
    int FaultsPlayed,
    int UsageReports,
    IReadOnlyList<string> UsageIds,
    int? LastActiveNum,
    string? LastThirdPartyAccount);
