using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Provisioning.Marketplace.AuthCenter;

namespace Provisioning.Gateway.Tests.Login;

/// <summary>
/// A browser without a page: it keeps the gateway's cookies and follows redirects by hand between the gateway (a test
/// server) and the fake auth center (on loopback), and stops at the first answer that is not a redirect between the two.
/// </summary>
public sealed class LoginBrowser(HttpClient gateway) : IDisposable
{
    private readonly HttpClient _outside = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

    public HttpClient Gateway => gateway;

    /// <summary>Each address visited, in order.</summary>
    public List<Uri> Visited { get; } = [];

    /// <summary>One request at the gateway, not followed: where it redirects to.</summary>
    public async Task<Uri> RedirectOf(string path)
    {
        using var response = await gateway.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>Goes to <paramref name="path"/> at the gateway and follows redirects; <paramref name="user"/> logs in at the auth center.</summary>
    public async Task<LoginOutcome> Go(string path, string? user = null, string? accept = null)
    {
        var next = new Uri(gateway.BaseAddress!, path);
        for (var hops = 0; hops < 10; hops++)
        {
            Visited.Add(next);
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            if (accept is not null) request.Headers.Accept.ParseAdd(accept);
            var atGateway = next.Host == gateway.BaseAddress!.Host && next.Port == gateway.BaseAddress.Port;
            var response = await (atGateway ? gateway : _outside).SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location is not { } location) return await LoginOutcome.Of(response, next);
            next = location.IsAbsoluteUri ? location : new Uri(next, location);
            if (!next.IsLoopback && next.Host != gateway.BaseAddress.Host) return await LoginOutcome.Of(response, next);
            if (user is not null && (next.AbsolutePath.EndsWith(AuthCenterPaths.Authorize, StringComparison.Ordinal)
                                     || next.AbsolutePath.EndsWith(AuthCenterPaths.CasLogin, StringComparison.Ordinal)))
            {
                next = new Uri(QueryHelpers.AddQueryString(next.AbsoluteUri, AuthCenterPaths.UserParameter, user));
            }
        }

        throw new InvalidOperationException("More than 10 redirects");
    }

    public void Dispose()
    {
        _outside.Dispose();
        gateway.Dispose();
    }
}

/// <summary>Where a login ended: the last answer, and the token or error it carried.</summary>
public sealed record LoginOutcome(HttpStatusCode Status, Uri At, Uri? Location, string? Error, string Body)
{
    /// <summary>The token the redirect to the application carries, or null.</summary>
    public string? Token => Location is null ? null : QueryHelpers.ParseQuery(Location.Query).TryGetValue("token", out var t) ? t.ToString() : null;

    public JsonWebToken Jwt => new(Token ?? throw new InvalidOperationException($"No token: {Status} {Error} {Body}"));

    public static async Task<LoginOutcome> Of(HttpResponseMessage response, Uri at) => new(response.StatusCode, at, response.Headers.Location,
        response.Headers.TryGetValues("Login-Error", out var error) ? error.Single() : null, await response.Content.ReadAsStringAsync());
}
