namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>
/// What an activation code open API answer means, decided by its HTTP status and <c>error_code</c> together (license §B.8,
/// §8 #11): the same <c>92020001</c> is our credentials at 401/403 and the marketplace's internal error at 200/500.
/// </summary>
public enum LicenseAnswerKind
{
    /// <summary><c>92020000</c> with a 2xx status.</summary>
    Success,

    /// <summary><c>92020011</c>: the code exists but was never activated.</summary>
    NotActivated,

    /// <summary><c>92020003</c> (illegal state): already activated, or otherwise not activatable; query it instead of activating again.</summary>
    IllegalState,

    /// <summary><c>92020004</c>: the buyer has not claimed the code yet.</summary>
    NotClaimed,

    /// <summary><c>92020005</c>: no such code.</summary>
    NotFound,

    /// <summary><c>92020020</c>: the list holds an invalid code.</summary>
    InvalidCodeInList,

    /// <summary><c>92020002</c> or a request error of the service's front (<c>95000001</c>–<c>95000004</c>): the request must change.</summary>
    InvalidRequest,

    /// <summary><c>92020001</c> at 401/403, or the API gateway's <c>APIGW.03xx</c>: our AK/SK or clock; retrying will not help.</summary>
    Unauthorized,

    /// <summary><c>92020001</c> at any other status, or HTTP 5xx, 408 or 429 without a code the table knows: try again later.</summary>
    InternalError,

    /// <summary>No answer came (the connection failed, or each attempt timed out): try again later.</summary>
    NoAnswer,

    /// <summary>An unknown code, another API gateway error, or an answer that cannot be read: a failure retrying will not fix.</summary>
    Failed,
}
