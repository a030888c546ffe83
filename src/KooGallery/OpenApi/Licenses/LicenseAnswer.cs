namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>The envelope of one activation code open API answer: what it means and what the marketplace said.</summary>
/// <param name="Kind">What the answer means.</param>
/// <param name="ErrorCode">The answer's <c>error_code</c> (<c>9202…</c>, <c>9500…</c> or <c>APIGW.…</c>); empty when none was read or no answer came.</param>
/// <param name="HttpStatus">The answer's HTTP status; null when no answer came.</param>
/// <param name="Message">The answer's <c>error_msg</c>, or why no answer came or it could not be read; never holds a key.</param>
public sealed record LicenseAnswer(LicenseAnswerKind Kind, string ErrorCode, int? HttpStatus, string? Message)
{
    /// <summary>True for <c>92020000</c> at a 2xx status.</summary>
    public bool IsSuccess => Kind == LicenseAnswerKind.Success;

    /// <summary>True when the same call may succeed later.</summary>
    public bool IsTransient => Kind is LicenseAnswerKind.InternalError or LicenseAnswerKind.NoAnswer;
}
