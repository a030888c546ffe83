namespace Provisioning.Marketplace.Callbacks;

/// <summary>A V2 call as it goes on the wire: the raw JSON body and the query's signature, nonce and timestamp (null leaves one out).</summary>
public sealed record V2Request(byte[] Body, string? Signature, string? Nonce, string? Timestamp)
{
    /// <summary>The same authentication parameters over another body, as an attacker who altered it in transit would send.</summary>
    public V2Request WithBody(byte[] body) => this with { Body = body };
}
