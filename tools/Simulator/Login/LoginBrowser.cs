using System.Net;
using System.Net.Http.Headers;
using Provisioning.Marketplace.AuthCenter;

namespace Provisioning.Simulator.Login;

/// <summary>
/// One buyer's browser: its own cookies, redirects followed by hand between the gateway and the fake auth center (where it
/// names, with the fake's <c>user</c> parameter, who logs in), stopping when a redirect leads back to the seller's
/// application. It asks for JSON, so a refusal comes with its <c>{"error","error_description"}</c>.
/// </summary>
public sealed class LoginBrowser(LoginSite site)
{
    private const int MaxRequests = 12;
    private readonly CookieContainer _cookies = new();

    /// <summary>
    /// Visits <paramref name="start"/> and follows its redirects; <paramref name="user"/> logs in at the auth center.
    /// With <paramref name="pauseBefore"/>, stops before the first URL it accepts, without visiting it.
    /// </summary>
    public async Task<Landing> Follow(Uri start, string? user = null, Func<Uri, bool>? pauseBefore = null)
    {
        var visited = new List<Uri>();
        var url = start;
        while (visited.Count < MaxRequests)
        {
            if (pauseBefore?.Invoke(url) == true) return Landing.Paused(visited, url);
            var visiting = LoggingIn(url, user);
            visited.Add(visiting);
            using var response = await Get(visiting);
            var location = response.Headers.Location is { } header ? new Uri(visiting, header) : null;
            if (!IsRedirect(response.StatusCode) || location is null) return await Landing.Answered(visited, response, location);
            if (site.IsReturn(location)) return Landing.Back(visited, response.StatusCode, location);
            url = location;
        }

        return new Landing(visited) { Status = 0, ErrorDescription = $"more than {MaxRequests} requests without landing" };
    }

    /// <summary>Another browser holding a copy of this one's cookies: what replays a request exactly as this browser sent it.</summary>
    public LoginBrowser Copy()
    {
        var copy = new LoginBrowser(site);
        copy._cookies.Add(_cookies.GetAllCookies());
        return copy;
    }

    private async Task<HttpResponseMessage> Get(Uri url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var cookies = _cookies.GetCookieHeader(CookieAddress(url));
        if (cookies.Length > 0) request.Headers.Add("Cookie", cookies);
        var response = await site.Send(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                _cookies.SetCookies(CookieAddress(url), setCookie);
            }
        }

        return response;
    }

    // Browsers treat plain http on a loopback host as a secure context, so Secure cookies work there; CookieContainer does not.
    private static Uri CookieAddress(Uri url) =>
        url.Scheme == Uri.UriSchemeHttp && url.IsLoopback ? new UriBuilder(url) { Scheme = Uri.UriSchemeHttps, Port = url.Port }.Uri : url;

    // The fake has no login page: the user who "types in" their credentials is named in the query instead.
    private Uri LoggingIn(Uri url, string? user) =>
        user is not null && site.IsAuthCenter(url) && (url.AbsolutePath.EndsWith(AuthCenterPaths.Authorize, StringComparison.Ordinal)
                                                        || url.AbsolutePath.EndsWith(AuthCenterPaths.CasLogin, StringComparison.Ordinal))
            ? new Uri($"{url}{(url.Query.Length > 0 ? "&" : "?")}{AuthCenterPaths.UserParameter}={Uri.EscapeDataString(user)}")
            : url;

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;
}
