namespace Provisioning.KooGallery.Usage;

/// <summary>What became of a usage push, and so what to do with its records.</summary>
public enum UsagePushOutcome
{
    /// <summary>MKT.0000: the marketplace took the records; it validates them later, out of band (kit §C.1).</summary>
    Accepted,

    /// <summary>
    /// New version: no answer, a timeout, HTTP 5xx, 408 or 429, or MKT.0999: send the same records (same metering_sn) later.
    /// Old version: only what provably never reached the marketplace (the host could not be resolved or connected to) or
    /// was refused unprocessed (429).
    /// </summary>
    Transient,

    /// <summary>MKT.01xx, MKT.9001–9004 or another refusal: re-sending will not help; park the records for an operator.</summary>
    Permanent,

    /// <summary>
    /// The old version only: the request went out and may have been taken (a timeout, the connection closed after sending,
    /// HTTP 5xx or 408, MKT.0999 included). Its records carry no metering_sn, so sending them again could bill twice: hold
    /// them until an operator has looked in the seller console.
    /// </summary>
    Unconfirmed,
}
