namespace Provisioning.KooGallery.Usage;

/// <summary>What became of a usage push, and so what to do with its records.</summary>
public enum UsagePushOutcome
{
    /// <summary>MKT.0000: the marketplace took the records; it validates them later, out of band (kit §C.1).</summary>
    Accepted,

    /// <summary>No answer, a timeout, HTTP 5xx, 408 or 429, or MKT.0999: send the same records (same metering_sn) later.</summary>
    Transient,

    /// <summary>MKT.01xx, MKT.9001–9004 or another refusal: re-sending will not help; park the records for an operator.</summary>
    Permanent,
}
