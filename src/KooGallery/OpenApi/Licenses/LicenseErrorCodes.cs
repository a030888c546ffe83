namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>The activation code open APIs' error table (license §B.8), read with the HTTP status it came with.</summary>
internal static class LicenseErrorCodes
{
    public const string Success = "92020000";
    public const string InternalOrUnauthorized = "92020001";
    public const string IllegalState = "92020003";
    public const string NotClaimed = "92020004";
    public const string NotFound = "92020005";
    public const string NotActivated = "92020011";
    public const string SignatureRefused = "APIGW.0303";

    public static LicenseAnswerKind Classify(int httpStatus, string code) => code switch
    {
        Success => httpStatus is >= 200 and <= 299 ? LicenseAnswerKind.Success : LicenseAnswerKind.Failed,
        InternalOrUnauthorized => httpStatus is 401 or 403 ? LicenseAnswerKind.Unauthorized : LicenseAnswerKind.InternalError,
        "92020002" or "95000001" or "95000002" or "95000003" or "95000004" => LicenseAnswerKind.InvalidRequest,
        IllegalState => LicenseAnswerKind.IllegalState,
        NotClaimed => LicenseAnswerKind.NotClaimed,
        NotFound => LicenseAnswerKind.NotFound,
        NotActivated => LicenseAnswerKind.NotActivated,
        "92020020" => LicenseAnswerKind.InvalidCodeInList,
        "APIGW.0301" or "APIGW.0302" or SignatureRefused => LicenseAnswerKind.Unauthorized,
        // Gateway errors at 5xx or 429 (backend unavailable or timed out, throttled) pass; a body without a code goes by its status.
        _ when (code.Length == 0 || code.StartsWith("APIGW.", StringComparison.Ordinal)) && httpStatus is >= 500 or 408 or 429 => LicenseAnswerKind.InternalError,
        _ => LicenseAnswerKind.Failed,
    };
}
