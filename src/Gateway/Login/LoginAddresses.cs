using Microsoft.Extensions.Options;

namespace Provisioning.Gateway.Login;

/// <summary>The gateway's own login addresses as browsers and auth centers see them: <see cref="LoginOptions.PublicOrigin"/>, else the request's.</summary>
public sealed class LoginAddresses(IOptions<LoginOptions> options)
{
    /// <summary>The gateway's origin, without a trailing slash.</summary>
    public string Origin(HttpRequest request) =>
        (options.Value.PublicOrigin ?? $"{request.Scheme}://{request.Host.ToUriComponent()}").TrimEnd('/');

    /// <summary>True when browsers reach the gateway over https, so its cookies are Secure.</summary>
    public bool Secure(HttpRequest request) => Origin(request).StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The tokens' <c>iss</c>.</summary>
    public string Issuer(HttpRequest request) => options.Value.Issuer ?? Origin(request);

    /// <summary>The OAuth callback, the application login address registered with KooGallery.</summary>
    public string Callback(HttpRequest request) => Origin(request) + options.Value.CallbackPath;

    /// <summary>The CAS service of a tenant: the CAS callback with the tenant in its query (kit §D.3).</summary>
    public string CasService(HttpRequest request, string tenantId) =>
        $"{Origin(request)}{options.Value.CasCallbackPath}?tenant={Uri.EscapeDataString(tenantId)}";
}
