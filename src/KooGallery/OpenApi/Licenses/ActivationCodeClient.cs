namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>
/// The activation code open APIs 激活授权码 and 查询授权码 (license §B.5, §B.6), v1 for one code and v2 for a list, relative to
/// the HttpClient's BaseAddress. Registered by <see cref="LicenseServiceCollectionExtensions.AddKooGalleryActivationCodes"/>
/// with signing, timeouts, retries of transient failures and the fallback host. Failures are answered, not thrown.
/// </summary>
/// <remarks>
/// An activation whose first attempt timed out is retried, and the marketplace may have activated the code on that attempt:
/// the retry then answers <c>92020003</c> (<see cref="LicenseAnswerKind.IllegalState"/>). Callers must treat that as "query
/// the code" (§B.5), never as a refusal.
/// </remarks>
public sealed class ActivationCodeClient(HttpClient http)
{
    /// <summary>The v1 activation path, relative to the base address.</summary>
    public const string ActivatePath = "api/mkp-openapi-public/global/v1/license/activate";

    /// <summary>The v2 (list) activation path.</summary>
    public const string ActivateListPath = "api/mkp-openapi-public/global/v2/license/activate";

    /// <summary>The v1 query (heartbeat) path.</summary>
    public const string QueryPath = "api/mkp-openapi-public/global/v1/license/heartbeat";

    /// <summary>The v2 (list) query path.</summary>
    public const string QueryListPath = "api/mkp-openapi-public/global/v2/license/heartbeat";

    /// <summary>Activates one code; on success the info's expiry is the marketplace's estimate only (§8 #17).</summary>
    /// <param name="code">The activation code.</param>
    /// <param name="effectiveAt"><c>real_effect_time</c>: not before the order; none for the time of activation.</param>
    /// <param name="ct">Cancels the call (then it throws).</param>
    /// <exception cref="ArgumentException">The code is empty or longer than 64 characters; nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">The AK/SK are not configured.</exception>
    public Task<LicenseCodeAnswer> ActivateAsync(string code, DateTimeOffset? effectiveAt, CancellationToken ct) =>
        LicenseApiCall.PostAsync(http, ActivatePath, LicenseRequestBody.Activate(code, effectiveAt),
            LicenseAnswerReader.Activation, answer => new LicenseCodeAnswer(answer, null), ct);

    /// <summary>Activates up to 100 codes at once; the answer's data is not published, so it comes as it is.</summary>
    /// <exception cref="ArgumentException">There are no codes or more than 100, or one cannot be sent.</exception>
    /// <exception cref="InvalidOperationException">The AK/SK are not configured.</exception>
    public Task<LicenseBatchAnswer> ActivateListAsync(IReadOnlyList<string> codes, DateTimeOffset? effectiveAt, CancellationToken ct) =>
        LicenseApiCall.PostAsync(http, ActivateListPath, LicenseRequestBody.ActivateList(codes, effectiveAt),
            LicenseAnswerReader.Batch, answer => new LicenseBatchAnswer(answer, null), ct);

    /// <summary>The code's authoritative status and expiry.</summary>
    /// <param name="code">The activation code (or a legacy online License's instance id).</param>
    /// <param name="heartbeat">The legacy <c>heartbeatInfo</c>, only for products integrated when it was mandatory (§8 #16).</param>
    /// <param name="ct">Cancels the call (then it throws).</param>
    /// <exception cref="ArgumentException">The code or the heartbeat info cannot be sent; nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">The AK/SK are not configured.</exception>
    public Task<LicenseCodeAnswer> QueryAsync(string code, HeartbeatInfo? heartbeat, CancellationToken ct) =>
        LicenseApiCall.PostAsync(http, QueryPath, LicenseRequestBody.Query(code, heartbeat),
            LicenseAnswerReader.Query, answer => new LicenseCodeAnswer(answer, null), ct);

    /// <summary>Queries up to 100 codes at once; the answer's data comes as it is.</summary>
    /// <exception cref="ArgumentException">There are no codes or more than 100, or one cannot be sent.</exception>
    /// <exception cref="InvalidOperationException">The AK/SK are not configured.</exception>
    public Task<LicenseBatchAnswer> QueryListAsync(IReadOnlyList<string> codes, CancellationToken ct) =>
        LicenseApiCall.PostAsync(http, QueryListPath, LicenseRequestBody.QueryList(codes),
            LicenseAnswerReader.Batch, answer => new LicenseBatchAnswer(answer, null), ct);
}
