using Microsoft.Extensions.Options;
using Provisioning.Grains;
using Provisioning.Grains.Replay;
using Provisioning.KooGallery;

namespace Provisioning.Gateway.KooGallery;

/// <summary>
/// The freshness half of V2 and Kit V2 authentication: a timestamp within <see cref="KooGalleryOptions.V2TimestampWindow"/>, and a
/// nonce used only once across the cluster. Problems are named as the caller's protocol names its parameters.
/// </summary>
internal sealed class SignedCallWindow(IGrainFactory grains, IOptions<KooGalleryOptions> options, TimeProvider clock)
{
    private const int MaxNonceLength = 128;

    /// <summary>Why the timestamp or nonce cannot be accepted, or null (with the time the call was signed).</summary>
    public string? Refuse(string timestampName, string timestamp, string nonceName, string nonce, out DateTimeOffset sent)
    {
        sent = default;
        if (nonce.Length > MaxNonceLength) return $"{nonceName} is longer than {MaxNonceLength} characters";
        if (!V2Signature.TryParseTimestamp(timestamp, out sent)) return $"{timestampName} is not a Unix time in milliseconds or seconds";

        var window = options.Value.V2TimestampWindow;
        return (clock.GetUtcNow() - sent).Duration() > window ? $"{timestampName} is more than {window.TotalSeconds:0} s away from the server clock" : null;
    }

    /// <summary>
    /// True the first time a nonce is used. Call it only once the signature holds, so forged calls cannot fill the registry;
    /// a replay must carry the same signed timestamp, so the nonce is remembered until that timestamp leaves the window.
    /// </summary>
    public Task<bool> TryUseNonceAsync(string scope, DateTimeOffset sent, string nonce) =>
        grains.GetNonceRegistry(scope, sent, nonce).TryRegister(nonce, sent + options.Value.V2TimestampWindow + TimeSpan.FromMinutes(1));
}
