using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Provisioning.Marketplace.AuthCenter;
using Provisioning.Simulator.Login;

namespace Provisioning.Simulator.Tests;

/// <summary>
/// The login scenarios' browser against the real fake auth center and a stand-in gateway that plays the login redirects: it
/// follows them by hand, keeps each browser's cookies to itself (Secure ones too on a loopback host, as browsers do), names
/// the user at the auth center, and stops at the application.
/// </summary>
public sealed class LoginBrowserTests : IAsyncLifetime
{
    private const string Tenant = "tenant-one";
    private const string ClientId = "client-one";
    private static readonly Uri GatewayOrigin = new("http://localhost");
    private static readonly Uri ReturnUrl = new("http://127.0.0.1:9/signed-in?from=app");

    private FakeAuthCenter _center = null!;
    private StandInGateway _gateway = null!;
    private LoginSite _site = null!;

    public async Task InitializeAsync()
    {
        _center = await FakeAuthCenter.StartAsync(new FakeAuthCenterOptions(0));
        _center.Directory.Register(Tenant, new TenantScript(ClientId, "secret", [new Uri(GatewayOrigin, "/login/callback").ToString()]));
        _center.Directory.AddUser(Tenant, new AuthUser("zhangsan01", "Zhang San", "admin", "10001"));
        _gateway = new StandInGateway(_center.DomainName(Tenant));
        _site = new LoginSite(GatewayOrigin, _gateway, _center.BaseUrl, ReturnUrl);
    }

    public async Task DisposeAsync()
    {
        _site.Dispose();
        _gateway.Dispose();
        await _center.DisposeAsync();
    }

    private static Uri Start => new(GatewayOrigin, $"/login/{Tenant}");

    [Fact]
    public async Task A_login_is_followed_through_the_auth_center_back_to_the_application_with_its_token()
    {
        var landing = await _site.NewBrowser().Follow(Start, "zhangsan01");

        Assert.Equal("the-token", landing.Token);
        Assert.Equal(ReturnUrl.GetLeftPart(UriPartial.Path), landing.Returned!.GetLeftPart(UriPartial.Path));
        Assert.Equal(302, landing.Status);
        Assert.Equal(3, landing.Visited.Count);
        Assert.Equal("zhangsan01", QueryHelpers.ParseQuery(landing.Visited[1].Query)["user"].ToString());
        Assert.EndsWith("/login/callback", landing.Visited[2].AbsolutePath);
    }

    [Fact]
    public async Task A_browser_paused_before_the_callback_has_not_visited_it_and_another_browser_lacks_its_cookie()
    {
        var first = await _site.NewBrowser().Follow(Start, "zhangsan01", url => url.AbsolutePath == "/login/callback");
        var callbacksBefore = _gateway.Callbacks;
        var other = await _site.NewBrowser().Follow(first.PausedAt!);

        Assert.Null(first.Token);
        Assert.Equal(2, first.Visited.Count);
        Assert.Equal(0, callbacksBefore);
        Assert.Null(other.Returned);
        Assert.Equal(400, other.Status);
        Assert.Equal("state_mismatch", other.LoginError);
        Assert.Equal("state_mismatch", other.Error);
        Assert.Equal("no login attempt of this browser", other.ErrorDescription);
        Assert.Contains("answered 400 Login-Error state_mismatch", other.Describe());
    }

    [Fact]
    public async Task Without_a_user_the_auth_center_answers_and_the_browser_stops_there()
    {
        var landing = await _site.NewBrowser().Follow(Start);

        Assert.Equal(401, landing.Status);
        Assert.Null(landing.Returned);
        Assert.True(_site.IsAuthCenter(landing.Visited[^1]));
    }

    /// <summary>
    /// Plays the gateway's side: <c>/login/{tenant}</c> sets an attempt cookie holding the state and redirects to the auth
    /// center; <c>/login/callback</c> admits only the browser with that cookie, back to the application with a token.
    /// </summary>
    private sealed class StandInGateway(string domainName) : HttpMessageHandler
    {
        private int _callbacks;

        public int Callbacks => _callbacks;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!;
            var query = QueryHelpers.ParseQuery(url.Query);
            if (url.AbsolutePath == $"/login/{Tenant}")
            {
                var state = Guid.NewGuid().ToString("N");
                var redirect = Uri.EscapeDataString(new Uri(GatewayOrigin, "/login/callback").ToString());
                var answer = Redirect($"{domainName}{AuthCenterPaths.Authorize}?client_id={ClientId}&redirect_uri={redirect}&response_type=code&state={state}");
                answer.Headers.Add("Set-Cookie", $"login_attempt={state}; path=/; secure; httponly; samesite=lax");
                return Task.FromResult(answer);
            }

            Interlocked.Increment(ref _callbacks);
            var cookie = request.Headers.TryGetValues("Cookie", out var cookies) ? string.Join(";", cookies) : "";
            if (!cookie.Contains($"login_attempt={query["state"]}", StringComparison.Ordinal))
            {
                var refusal = new HttpResponseMessage(HttpStatusCode.BadRequest)
                {
                    Content = new StringContent("""{"error":"state_mismatch","error_description":"no login attempt of this browser"}""", Encoding.UTF8, "application/json"),
                };
                refusal.Headers.Add("Login-Error", "state_mismatch");
                return Task.FromResult(refusal);
            }

            return Task.FromResult(Redirect(QueryHelpers.AddQueryString(ReturnUrl.ToString(), "token", "the-token")));
        }

        private static HttpResponseMessage Redirect(string location) => new(HttpStatusCode.Redirect) { Headers = { Location = new Uri(location) } };
    }
}
