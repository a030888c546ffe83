using System.Net.Sockets;

namespace Provisioning.KooGallery.OpenApi;

/// <summary>
/// Re-sends a request to the fallback host when the primary host cannot be connected to (license §B.4): name
/// resolution, connection or TLS set-up failed, so nothing reached the primary. HTTP errors are answers, not fallbacks.
/// The Host header follows the new URI. Without a fallback host it only passes requests on.
/// </summary>
internal sealed class FallbackHostHandler(Uri primary, Uri? fallback) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (CouldNotConnect(e) && OnFallback(request.RequestUri) is { } moved)
        {
            // The request stays moved: the call's later retries go straight to the host that could be reached.
            request.RequestUri = moved;
            request.Headers.Host = null;
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool CouldNotConnect(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError
        || e.InnerException is SocketException;

    private Uri? OnFallback(Uri? uri) =>
        fallback is not null && uri is not null && uri.AbsoluteUri.StartsWith(primary.AbsoluteUri, StringComparison.Ordinal)
            ? new Uri(fallback.AbsoluteUri + uri.AbsoluteUri[primary.AbsoluteUri.Length..])
            : null;
}
