using Microsoft.Extensions.Options;
using Provisioning.KooGallery;

namespace Provisioning.Gateway.KooGallery.V2;

/// <summary>
/// Checks a V2 call (spec §3.4): the signature over the raw body, a timestamp within the window, and a nonce
/// never seen before anywhere in the cluster. Returns why the call is refused, or null. The key depends on the activity
/// (<see cref="V2Keys"/>); the nonce scope does not, so a nonce used with one key cannot be used again with the other.
/// </summary>
internal sealed class V2Authentication(SignedCallWindow window, IOptions<KooGalleryOptions> options, ILogger<V2Authentication> logger)
{
    private const string NonceScope = "v2";

    public async Task<string?> RefuseAsync(byte[] body, string key, string? signature, string? timestamp, string? nonce)
    {
        if (string.IsNullOrEmpty(signature)) return "signature is missing";
        if (string.IsNullOrEmpty(timestamp)) return "timestamp is missing";
        if (string.IsNullOrEmpty(nonce)) return "nonce is missing";
        if (window.Refuse("timestamp", timestamp, "nonce", nonce, out var sent) is { } stale) return stale;
        if (!SignatureMatches(body, key, signature, timestamp, nonce)) return "signature does not match the request";
        return await window.TryUseNonceAsync(NonceScope, sent, nonce) ? null : "nonce has already been used";
    }
    private bool SignatureMatches(byte[] body, string key, string signature, string timestamp, string nonce)
    {
        if (V2Signature.Verify(signature, body, key, nonce, timestamp)) return true;
        if (!options.Value.V2PlainBodyHashFallback) return false;

        var matches = V2Signature.VerifyWithPlainBodyHash(signature, body, key, nonce, timestamp);
        if (matches) logger.LogWarning("A V2 signature matched only the plain-SHA-256 body hash variant (KooGallery:V2PlainBodyHashFallback)");
        return matches;
    }
}
