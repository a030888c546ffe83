using System.Text.Json;
using Microsoft.Extensions.Options;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Kit;

namespace Provisioning.Gateway.KooGallery.Kit;

/// <summary>
/// Checks a Kit call: V1 by the <c>authToken</c> header over the body's fields (seller Key) and a <c>timeStamp</c> within
/// <see cref="KooGalleryOptions.KitV1TimestampTolerance"/>; V2 by <c>x-sign</c> over the raw or
/// canonical body (Kit access key), a timestamp within the window and a nonce never seen anywhere in the cluster.
/// Returns why the call is refused, or null.
/// </summary>
internal sealed class KitAuthentication(SignedCallWindow window, IOptions<KooGalleryOptions> options, TimeProvider clock)
{
    private const string NonceScope = "kit";

    public async Task<string?> RefuseAsync(KitGeneration generation, byte[] raw, JsonElement body, Func<string, string?> header)
    {
        if (generation == KitGeneration.V1)
        {
            var token = header(KitAuthToken.HeaderName);
            if (string.IsNullOrEmpty(token)) return "authToken header is missing";
            return KitAuthToken.Verify(token, body, options.Value.Key!) ? StaleV1(body) : "authToken does not match the request";
        }

        var (sign, timestamp, nonce) = (header(KitSignature.SignHeader), header(KitSignature.TimestampHeader), header(KitSignature.NonceHeader));
        if (string.IsNullOrEmpty(sign)) return "x-sign header is missing";
        if (string.IsNullOrEmpty(timestamp)) return "x-timestamp header is missing";
        if (string.IsNullOrEmpty(nonce)) return "x-nonce header is missing";
        if (window.Refuse("x-timestamp", timestamp, "x-nonce", nonce, out var sent) is { } stale) return stale;
        if (!KitSignature.Verify(sign, raw, body, options.Value.KitAccessKey!, nonce, timestamp)) return "x-sign does not match the request";
        return await window.TryUseNonceAsync(NonceScope, sent, nonce) ? null : "x-nonce has already been used";
    }

    private string? StaleV1(JsonElement body)
    {
        var tolerance = options.Value.KitV1TimestampTolerance;
        if (tolerance <= TimeSpan.Zero) return null;
        var stamp = body.GetProperty(KitAuthToken.TimeStampProperty);
        var text = stamp.ValueKind == JsonValueKind.String ? stamp.GetString() : stamp.GetRawText();
        if (!KitTime.TryParse(text, out var sent)) return "timeStamp is not a GMT+8 time in yyyyMMddHHmmssSSS form";
        return (clock.GetUtcNow() - sent).Duration() <= tolerance ? null : $"timeStamp is more than {tolerance} away from the server clock";
    }
}
