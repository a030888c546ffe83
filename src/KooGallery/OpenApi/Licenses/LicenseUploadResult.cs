namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>The answer to one License upload.</summary>
/// <param name="Outcome">Uploaded, or which kind of failure.</param>
/// <param name="ErrorCode">The answer's <c>error_code</c>; empty when none was read or no answer came.</param>
/// <param name="HttpStatus">The answer's HTTP status; null when no answer came.</param>
/// <param name="Message">What the code means and the marketplace's <c>error_msg</c>, or why no answer came; never holds a key.</param>
public sealed record LicenseUploadResult(LicenseUploadOutcome Outcome, string ErrorCode, int? HttpStatus, string Message)
{
    public bool IsUploaded => Outcome == LicenseUploadOutcome.Uploaded;

    public bool IsTransient => Outcome == LicenseUploadOutcome.Transient;
}
