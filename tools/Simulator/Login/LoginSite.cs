using Provisioning.Marketplace.AuthCenter;

namespace Provisioning.Simulator.Login;

/// <summary>
/// What login scenarios reach: the gateway (through <paramref name="gatewayHandler"/>, which must neither follow redirects
/// nor keep cookies), the fake auth center (its control API and the browser's calls), and the seller application's address
/// logins return to, which the gateway's <c>Login:ApplicationOrigins</c> must allow. Nothing needs to serve that address:
/// browsers stop at its redirect.
/// </summary>
public sealed class LoginSite : IDisposable
{
    private readonly HttpMessageInvoker _gateway;
    private readonly HttpMessageInvoker _web = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly HttpClient _control;

    public LoginSite(Uri gateway, HttpMessageHandler gatewayHandler, Uri authCenter, Uri returnUrl)
    {
        Gateway = new Uri(gateway.GetLeftPart(UriPartial.Authority));
        AuthCenter = new Uri(authCenter.GetLeftPart(UriPartial.Authority));
        ReturnUrl = returnUrl;
        _gateway = new HttpMessageInvoker(gatewayHandler, disposeHandler: false);
        _control = new HttpClient { BaseAddress = AuthCenter };
        AuthCenterControl = new FakeAuthCenterControl(_control);
        Tokens = new LoginTokens(this);
    }

    /// <summary>The gateway's origin.</summary>
    public Uri Gateway { get; }

    /// <summary>The fake auth center's origin.</summary>
    public Uri AuthCenter { get; }

    /// <summary>Where logins return to, at an origin the gateway allows.</summary>
    public Uri ReturnUrl { get; }

    /// <summary>The fake auth center's control API.</summary>
    public FakeAuthCenterControl AuthCenterControl { get; }

    /// <summary>Verifies the tokens the gateway hands out against its published keys.</summary>
    public LoginTokens Tokens { get; }

    /// <summary>A new browser, without cookies.</summary>
    public LoginBrowser NewBrowser() => new(this);

    /// <summary>The gateway's address of <paramref name="pathAndQuery"/>.</summary>
    public Uri At(string pathAndQuery) => new(Gateway, pathAndQuery);

    /// <summary>A tenant's auth center at the fake: what its tenantSync carries as <c>domainName</c>.</summary>
    public string DomainName(string tenantId) => $"{AuthCenter.GetLeftPart(UriPartial.Authority)}/{Uri.EscapeDataString(tenantId)}";

    /// <summary>Whether <paramref name="url"/> is at the seller application's origin.</summary>
    public bool IsReturn(Uri url) => SameOrigin(url, ReturnUrl);

    /// <summary>Whether <paramref name="url"/> is at the fake auth center.</summary>
    public bool IsAuthCenter(Uri url) => SameOrigin(url, AuthCenter);

    /// <summary>Whether <paramref name="url"/> is at the gateway.</summary>
    public bool IsGateway(Uri url) => SameOrigin(url, Gateway);

    internal Task<HttpResponseMessage> Send(HttpRequestMessage request) =>
        (IsGateway(request.RequestUri!) ? _gateway : _web).SendAsync(request, CancellationToken.None);

    /// <inheritdoc />
    public void Dispose()
    {
        _gateway.Dispose();
        _web.Dispose();
        _control.Dispose();
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
