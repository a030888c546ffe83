namespace Provisioning.KooGallery.Usage;

/// <summary>The answer to one usage push: accepted, or a transient or permanent failure with what the marketplace said.</summary>
/// <param name="Outcome">Accepted, or which kind of failure.</param>
/// <param name="ErrorCode">The answer's <c>error_code</c> (<c>MKT.…</c> or <c>APIG(W).…</c>); empty when none was read or no answer came.</param>
/// <param name="HttpStatus">The answer's HTTP status; null when no answer came.</param>
/// <param name="Message">The answer's <c>error_msg</c>, or why no answer came; never holds a key.</param>
public sealed record UsagePushResult(UsagePushOutcome Outcome, string ErrorCode, int? HttpStatus, string? Message)
{
    /// <summary>True when the marketplace took the records.</summary>
    public bool IsAccepted => Outcome == UsagePushOutcome.Accepted;

    /// <summary>True when the same records may be sent again later.</summary>
    public bool IsTransient => Outcome == UsagePushOutcome.Transient;
}
