namespace Provisioning.KooGallery.OpenApi;

/// <summary>
/// Signs every request that reaches it, so each retry and the fallback host get a fresh <c>X-Sdk-Date</c> and their
/// own Host. Must be the innermost handler. The AK/SK are checked on the first request, not at startup.
/// </summary>
internal sealed class SigningHandler(OpenApiOptions options, TimeProvider time) : DelegatingHandler
{
    private ApiGatewaySigner? _signer;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _signer ??= options.CreateSigner();
        await _signer.SignAsync(request, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
