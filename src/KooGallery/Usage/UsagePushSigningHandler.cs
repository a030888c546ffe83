using System.Globalization;

namespace Provisioning.KooGallery.Usage;

/// <summary>
/// Puts the new usage push's <c>signature</c>, <c>ts</c> and <c>nonce</c> headers on every request that reaches it, over
/// the exact content bytes, so each retry and the fallback host get a fresh ts and nonce. Must be the innermost handler.
/// The key is looked up on the first request, not at startup.
/// </summary>
internal sealed class UsagePushSigningHandler(UsagePushOptions options, TimeProvider time) : DelegatingHandler
{
    public const string SignatureHeader = "signature";
    public const string TsHeader = "ts";
    public const string NonceHeader = "nonce";

    private string? _key;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _key ??= options.SigningKey();
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var ts = time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var nonce = Guid.NewGuid().ToString();
        Set(request, TsHeader, ts);
        Set(request, NonceHeader, nonce);
        Set(request, SignatureHeader, UsagePushSignature.Compute(_key, ts, nonce, body));
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void Set(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }
}
