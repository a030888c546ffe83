using Microsoft.Extensions.Options;
using Provisioning.Grains.Replay;
using Provisioning.KooGallery;

namespace Provisioning.Gateway.KooGallery.V2;

/// <summary>
/// Checks a V2 call (spec §3.4): the signature over the raw body, a timestamp within the window, and a nonce
/// never seen before anywhere in the cluster. Returns why the call is refused, or null.
/// </summary>
internal sealed class V2Authentication(IGrainFactory grains, IOptions<KooGalleryOptions> options, TimeProvider clock, ILogger<V2Authentication> logger)
{
    private const int MaxNonceLength = 128;
    private const string NonceScope = "v2";

    public async Task<string?> RefuseAsync(byte[] body, string? signature, string? timestamp, string? nonce)
    {
        if (string.IsNullOrEmpty(signature)) return "signature is missing";
        if (string.IsNullOrEmpty(timestamp)) return "timestamp is missing";
        if (string.IsNullOrEmpty(nonce)) return "nonce is missing";
        if (nonce.Length > MaxNonceLength) return $"nonce is longer than {MaxNonceLength} characters";
        if (!V2Signature.TryParseTimestamp(timestamp, out var sent)) return "timestamp is not a Unix time in milliseconds or seconds";

        var window = options.Value.V2TimestampWindow;
        if ((clock.GetUtcNow() - sent).Duration() > window) return $"timestamp is more than {window.TotalSeconds:0} s away from the server clock";
        if (!SignatureMatches(body, signature, timestamp, nonce)) return "signature does not match the request";

        // Registered only after the signature holds, so forged calls cannot fill the registry. A replay must carry
        // the same signed timestamp, so it is remembered until that timestamp leaves the window.
        var fresh = await grains.For(NonceScope, sent, nonce).TryRegister(nonce, sent + window + TimeSpan.FromMinutes(1));
        return fresh ? null : "nonce has already been used";
    }

    private bool SignatureMatches(byte[] body, string signature, string timestamp, string nonce)
    {
        var key = options.Value.AccessKey!;
        if (V2Signature.Verify(signature, body, key, nonce, timestamp)) return true;
        if (!options.Value.V2PlainBodyHashFallback) return false;

        var matches = V2Signature.VerifyWithPlainBodyHash(signature, body, key, nonce, timestamp);
        if (matches) logger.LogWarning("A V2 signature matched only the plain-SHA-256 body hash variant (KooGallery:V2PlainBodyHashFallback)");
        return matches;
    }
}
