namespace Provisioning.SellerApplication;

/// <summary>Why a delivery was refused before anything was taken.</summary>
public enum Refusal
{
    /// <summary><c>webhook-id</c>, <c>webhook-timestamp</c> or <c>webhook-signature</c> is missing or empty (401).</summary>
    MissingHeaders,

    /// <summary><c>webhook-timestamp</c> is not a Unix time within the tolerance of the clock (401).</summary>
    Stale,

    /// <summary>The signature does not verify with the shared secret over the body received (401).</summary>
    BadSignature,

    /// <summary>Signed correctly, but the body is not <c>{"type":…,"timestamp":…,"data":{…}}</c> naming an instance or tenant (400).</summary>
    Malformed,
}

/// <summary>How many deliveries were refused, by reason.</summary>
public sealed record Refusals(int MissingHeaders, int Stale, int BadSignature, int Malformed)
{
    /// <summary>Every refused delivery.</summary>
    public int Total => MissingHeaders + Stale + BadSignature + Malformed;
}
