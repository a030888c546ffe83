using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.WebUtilities;
using Provisioning.Marketplace.AuthCenter;

namespace Provisioning.Simulator.Tests;

/// <summary>The fake tenant auth center spoken to over HTTP, as the login bridge will: OAuth 2.0, CAS 3.0, faults, control API.</summary>
public sealed class FakeAuthCenterTests : IAsyncLifetime
{
    private const string Tenant = "68cbc86abc0123456789880d92f36422fa0e";
    private const string OtherTenant = "tenant-two";
    private const string ClientId = "NzZeWuiJa91dPSRdZQChMaz";
    private const string Secret = "PlainSecretAfterRsaDecrypt";
    private const string Callback = "https://app.example.com/callback";
    private const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk-long-enough";

    private FakeAuthCenter _center = null!;
    private HttpClient _http = null!;
    private FakeAuthCenterControl _control = null!;

    public async Task InitializeAsync() => (_center, _http, _control) = await Start(new FakeAuthCenterOptions(0) { SlowHold = TimeSpan.FromSeconds(5) });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _center.DisposeAsync();
    }

    private static async Task<(FakeAuthCenter, HttpClient, FakeAuthCenterControl)> Start(FakeAuthCenterOptions options)
    {
        var center = await FakeAuthCenter.StartAsync(options);
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = center.BaseUrl };
        var control = new FakeAuthCenterControl(http);
        foreach (var (tenant, clientId) in new[] { (Tenant, ClientId), (OtherTenant, "other-client") })
        {
            await control.AddTenant(tenant, new TenantScript(clientId, Secret, [Callback]));
            await control.AddUser(tenant, new AuthUser("zhangsan01", "Zhang San", "admin", "10001", OrganizationName: "R&D"));
            await control.AddUser(tenant, new AuthUser("lisi", "Li Si", "user", "10002"));
        }

        await control.SignIn(Tenant, "zhangsan01");
        return (center, http, control);
    }

    private string At(string tenant, string path) => new Uri(_center.DomainName(tenant) + path).PathAndQuery;

    private async Task<HttpResponseMessage> Authorize(string query, string tenant = Tenant) =>
        await _http.GetAsync(At(tenant, AuthCenterPaths.Authorize) + "?" + query);

    private static string AuthorizeQuery(string clientId = ClientId, string redirectUri = Callback, string extra = "") =>
        $"client_id={clientId}&redirect_uri={Uri.EscapeDataString(redirectUri)}&response_type=code&state=abc123{extra}";

    private static Dictionary<string, string> Query(Uri location) =>
        QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());

    private async Task<string> Code(string extra = "", string tenant = Tenant, string clientId = ClientId)
    {
        using var response = await Authorize(AuthorizeQuery(clientId, extra: extra), tenant);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Query(response.Headers.Location!)["code"];
    }

    private async Task<HttpResponseMessage> Token(IEnumerable<KeyValuePair<string, string>> form, string tenant = Tenant) =>
        await _http.PostAsync(At(tenant, AuthCenterPaths.Token), new FormUrlEncodedContent(form));

    private Task<HttpResponseMessage> Exchange(string code, string secret = Secret, string clientId = ClientId, string? verifier = null, string redirectUri = Callback, string tenant = Tenant)
    {
        var form = new Dictionary<string, string> { ["client_id"] = clientId, ["client_secret"] = secret, ["code"] = code, ["redirect_uri"] = redirectUri, ["grant_type"] = "authorization_code" };
        if (verifier is not null) form["code_verifier"] = verifier;
        return Token(form, tenant);
    }

    private Task<HttpResponseMessage> RefreshWith(string refreshToken, string clientId = ClientId, string tenant = Tenant) =>
        Token(new Dictionary<string, string> { ["client_id"] = clientId, ["client_secret"] = Secret, ["refresh_token"] = refreshToken, ["grant_type"] = "refresh_token" }, tenant);

    private static async Task<JsonElement> Json(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();

    private static async Task AssertError(HttpResponseMessage response, HttpStatusCode status, string error, string? description = null)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await Json(response);
        Assert.Equal(error, body.GetProperty("error").GetString());
        if (description is not null) Assert.Equal(description, body.GetProperty("error_description").GetString());
    }

    private async Task<JsonElement> Tokens(string extra = "", string? verifier = null)
    {
        using var response = await Exchange(await Code(extra), verifier: verifier);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json(response);
    }

    private async Task<HttpResponseMessage> Userinfo(string accessToken, string tenant = Tenant, bool acceptJson = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, At(tenant, AuthCenterPaths.Userinfo));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (acceptJson) request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await _http.SendAsync(request);
    }

    private static string Challenge(string verifier) => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    [Fact]
    public async Task Authorize_sends_the_signed_in_user_back_to_the_callback_with_a_code_the_state_and_the_tenant()
    {
        using var response = await Authorize(AuthorizeQuery());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(Callback, location.GetLeftPart(UriPartial.Path));
        var query = Query(location);
        Assert.NotEmpty(query["code"]);
        Assert.Equal(("abc123", Tenant), (query["state"], query["tenant"]));
    }

    [Fact]
    public async Task A_code_buys_bearer_tokens_whose_userinfo_is_the_user_who_logged_in_and_the_decrypted_secret_is_seen_to_match()
    {
        var tokens = await Tokens();

        Assert.Equal(("Bearer", 7200, "get_user_info"), (tokens.GetProperty("token_type").GetString(), tokens.GetProperty("expires_in").GetInt32(), tokens.GetProperty("scope").GetString()));
        Assert.NotEmpty(tokens.GetProperty("refresh_token").GetString()!);
        using var userinfo = await Userinfo(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, userinfo.StatusCode);
        var user = await Json(userinfo);
        Assert.Equal(
            ("zhangsan01", "Zhang San", "admin", "10001", "R&D", Tenant),
            (user.GetProperty("userName").GetString(), user.GetProperty("name").GetString(), user.GetProperty("role").GetString(),
             user.GetProperty("organizationCode").GetString(), user.GetProperty("organizationName").GetString(), user.GetProperty("tenant").GetString()));
        var arrived = await _control.Arrivals();
        Assert.Equal(1, arrived.TokenRequests["authorization_code"]);
        Assert.Equal((1, 0, 1), (arrived.SecretsMatched, arrived.SecretsMismatched, arrived.UserinfoCalls));
    }

    [Fact]
    public async Task The_user_query_parameter_logs_another_user_in()
    {
        using var response = await Exchange(await Code("&user=lisi"));
        using var userinfo = await Userinfo((await Json(response)).GetProperty("access_token").GetString()!);

        Assert.Equal("lisi", (await Json(userinfo)).GetProperty("userName").GetString());
    }

    [Fact]
    public async Task Authorize_refuses_an_unknown_client_an_unregistered_callback_and_a_repeated_parameter_without_redirecting()
    {
        using var wrongClient = await Authorize(AuthorizeQuery(clientId: "someone-else"));
        using var wrongCallback = await Authorize(AuthorizeQuery(redirectUri: "https://evil.example.com/callback"));
        using var twice = await Authorize(AuthorizeQuery() + "&client_id=" + ClientId);
        using var unknownTenant = await Authorize(AuthorizeQuery(), "no-such-tenant");

        await AssertError(wrongClient, HttpStatusCode.BadRequest, "invalid_client", "Client ID mismatch");
        await AssertError(wrongCallback, HttpStatusCode.BadRequest, "invalid_request");
        await AssertError(twice, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Equal(HttpStatusCode.NotFound, unknownTenant.StatusCode);
    }

    [Fact]
    public async Task Authorize_sends_a_wrong_response_type_a_bad_state_or_a_plain_challenge_back_to_the_callback_as_an_error()
    {
        using var token = await Authorize($"client_id={ClientId}&redirect_uri={Uri.EscapeDataString(Callback)}&response_type=token&state=s1");
        using var state = await Authorize($"client_id={ClientId}&redirect_uri={Uri.EscapeDataString(Callback)}&response_type=code&state=a%20b");
        using var plain = await Authorize(AuthorizeQuery(extra: $"&code_challenge={Challenge(Verifier)}&code_challenge_method=plain"));

        Assert.Equal(("unsupported_response_type", "s1"), (Query(token.Headers.Location!)["error"], Query(token.Headers.Location!)["state"]));
        Assert.Equal("invalid_request", Query(state.Headers.Location!)["error"]);
        Assert.Equal("invalid_request", Query(plain.Headers.Location!)["error"]);
        Assert.False(Query(plain.Headers.Location!).ContainsKey("code"));
    }

    [Fact]
    public async Task Authorize_without_a_signed_in_user_does_not_issue_a_code()
    {
        await _control.SignIn(OtherTenant, "lisi");
        _center.Directory.SignOut(OtherTenant);

        using var response = await Authorize(AuthorizeQuery("other-client"), OtherTenant);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_code_is_good_once_and_presenting_it_again_revokes_the_tokens_it_gave()
    {
        var code = await Code();
        using var first = await Exchange(code);
        var access = (await Json(first)).GetProperty("access_token").GetString()!;

        using var second = await Exchange(code);

        await AssertError(second, HttpStatusCode.BadRequest, "invalid_grant");
        using var userinfo = await Userinfo(access);
        Assert.Equal(HttpStatusCode.Unauthorized, userinfo.StatusCode);
        Assert.Equal(1, (await _control.Arrivals()).CodesRedeemedTwice);
    }

    [Fact]
    public async Task A_code_is_bound_to_its_callback_its_client_and_its_tenant_and_an_unknown_code_is_refused()
    {
        using var otherCallback = await Exchange(await Code(), redirectUri: "https://app.example.com/other");
        using var otherTenant = await Exchange(await Code(), clientId: "other-client", tenant: OtherTenant);
        using var unknown = await Exchange("not-a-code");

        await AssertError(otherCallback, HttpStatusCode.BadRequest, "invalid_grant");
        await AssertError(otherTenant, HttpStatusCode.BadRequest, "invalid_grant");
        await AssertError(unknown, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        var (center, http, _) = await Start(new FakeAuthCenterOptions(0) { CodeLifetime = TimeSpan.Zero });
        await using var expiring = center;
        using var expiringHttp = http;
        using var authorize = await http.GetAsync(new Uri(center.DomainName(Tenant) + AuthCenterPaths.Authorize).PathAndQuery + "?" + AuthorizeQuery());
        var code = Query(authorize.Headers.Location!)["code"];

        using var response = await http.PostAsync(
            new Uri(center.DomainName(Tenant) + AuthCenterPaths.Token).PathAndQuery,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = ClientId, ["client_secret"] = Secret, ["code"] = code, ["grant_type"] = "authorization_code" }));

        await AssertError(response, HttpStatusCode.BadRequest, "invalid_grant", "the code expired");
    }

    [Fact]
    public async Task A_PKCE_code_needs_the_verifier_of_its_S256_challenge()
    {
        var challenge = $"&code_challenge={Challenge(Verifier)}&code_challenge_method=S256";
        using var missing = await Exchange(await Code(challenge));
        using var wrong = await Exchange(await Code(challenge), verifier: Verifier + "x");
        using var unexpected = await Exchange(await Code(), verifier: Verifier);

        await AssertError(missing, HttpStatusCode.BadRequest, "invalid_grant");
        await AssertError(wrong, HttpStatusCode.BadRequest, "invalid_grant");
        await AssertError(unexpected, HttpStatusCode.BadRequest, "invalid_grant");
        var tokens = await Tokens(challenge, Verifier);
        Assert.NotEmpty(tokens.GetProperty("access_token").GetString()!);
    }

    [Fact]
    public async Task The_token_call_refuses_a_client_id_mismatch_bad_credentials_and_unknown_or_missing_grant_types()
    {
        using var mismatch = await Exchange(await Code(), clientId: "other-client");
        using var ciphertext = await Exchange(await Code(), secret: "bm90IHRoZSBwbGFpbnRleHQ=");
        using var unsupported = await Token(new Dictionary<string, string> { ["client_id"] = ClientId, ["client_secret"] = Secret, ["grant_type"] = "password" });
        using var none = await Token(new Dictionary<string, string> { ["client_id"] = ClientId, ["client_secret"] = Secret });
        using var twice = await Token([new("client_id", ClientId), new("client_id", ClientId), new("client_secret", Secret), new("grant_type", "refresh_token"), new("refresh_token", "r")]);

        await AssertError(mismatch, HttpStatusCode.Unauthorized, "invalid_client", "Client ID mismatch");
        await AssertError(ciphertext, HttpStatusCode.Unauthorized, "invalid_client", "Bad client credentials");
        await AssertError(unsupported, HttpStatusCode.BadRequest, "unsupported_grant_type");
        await AssertError(none, HttpStatusCode.BadRequest, "invalid_request");
        await AssertError(twice, HttpStatusCode.BadRequest, "invalid_request");
        var arrived = await _control.Arrivals();
        Assert.Equal((1, 2), (arrived.SecretsMismatched, arrived.TokenRequests["authorization_code"]));
        Assert.Equal((1, 1, 1), (arrived.TokenRequests["password"], arrived.TokenRequests[""], arrived.TokenRequests["refresh_token"]));
    }

    [Fact]
    public async Task A_refresh_token_buys_a_new_access_token_for_its_own_client_only()
    {
        var tokens = await Tokens();
        var refresh = tokens.GetProperty("refresh_token").GetString()!;

        using var refreshed = await RefreshWith(refresh);
        using var otherClient = await RefreshWith(refresh, "other-client");
        using var otherTenantsClient = await RefreshWith(refresh, "other-client", OtherTenant);
        using var unknown = await RefreshWith("not-a-refresh-token");

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var access = (await Json(refreshed)).GetProperty("access_token").GetString()!;
        Assert.NotEqual(tokens.GetProperty("access_token").GetString(), access);
        using var userinfo = await Userinfo(access);
        Assert.Equal(HttpStatusCode.OK, userinfo.StatusCode);
        await AssertError(otherClient, HttpStatusCode.Unauthorized, "invalid_client");
        await AssertError(otherTenantsClient, HttpStatusCode.BadRequest, "invalid_grant");
        await AssertError(unknown, HttpStatusCode.BadRequest, "invalid_grant");
    }

    [Fact]
    public async Task Userinfo_refuses_no_token_an_unknown_token_and_another_tenants_token_and_wants_json()
    {
        var access = (await Tokens()).GetProperty("access_token").GetString()!;

        using var bare = await _http.GetAsync(At(Tenant, AuthCenterPaths.Userinfo));
        using var unknown = await Userinfo("not-a-token");
        using var otherTenant = await Userinfo(access, OtherTenant);
        using var noAccept = await Userinfo(access, acceptJson: false);

        await AssertError(bare, HttpStatusCode.NotAcceptable, "not_acceptable");
        await AssertError(unknown, HttpStatusCode.Unauthorized, "unauthorized");
        await AssertError(otherTenant, HttpStatusCode.Unauthorized, "unauthorized");
        await AssertError(noAccept, HttpStatusCode.NotAcceptable, "not_acceptable");
        Assert.Equal("Bearer", unknown.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Logout_redirects_revokes_the_sessions_tokens_and_signs_the_user_out()
    {
        var tokens = await Tokens();

        using var logout = await _http.GetAsync(At(Tenant, AuthCenterPaths.Logout) + "?redirect_url=" + Uri.EscapeDataString("https://app.example.com/bye"));

        Assert.Equal((HttpStatusCode.Redirect, "https://app.example.com/bye"), (logout.StatusCode, logout.Headers.Location!.ToString()));
        using var userinfo = await Userinfo(tokens.GetProperty("access_token").GetString()!);
        Assert.Equal(HttpStatusCode.Unauthorized, userinfo.StatusCode);
        using var refresh = await RefreshWith(tokens.GetProperty("refresh_token").GetString()!);
        await AssertError(refresh, HttpStatusCode.BadRequest, "invalid_grant");
        using var authorize = await Authorize(AuthorizeQuery());
        Assert.Equal(HttpStatusCode.Unauthorized, authorize.StatusCode);
        using var defaultLogout = await _http.GetAsync(At(Tenant, AuthCenterPaths.Logout));
        Assert.EndsWith($"/{Tenant}{AuthCenterPaths.LoginPage}", defaultLogout.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Injected_token_faults_play_once_each_in_order()
    {
        await _control.InjectTokenFaults(TokenFault.Error, 1);
        await _control.InjectTokenFaults(TokenFault.InvalidClient, 1);
        var code = await Code();

        using var error = await Exchange(code);
        using var invalidClient = await Exchange(code);
        using var served = await Exchange(code);

        await AssertError(error, HttpStatusCode.InternalServerError, "server_error");
        await AssertError(invalidClient, HttpStatusCode.Unauthorized, "invalid_client", "Bad client credentials");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task A_slow_token_call_takes_the_code_but_answers_too_late_so_the_retry_meets_invalid_grant()
    {
        await _control.InjectTokenFaults(TokenFault.Slow, 1);
        var code = await Code();
        using var impatient = new HttpClient { BaseAddress = _center.BaseUrl, Timeout = TimeSpan.FromSeconds(1) };

        await Assert.ThrowsAsync<TaskCanceledException>(() => impatient.PostAsync(
            At(Tenant, AuthCenterPaths.Token),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = ClientId, ["client_secret"] = Secret, ["code"] = code, ["grant_type"] = "authorization_code" })));
        using var retry = await Exchange(code);

        await AssertError(retry, HttpStatusCode.BadRequest, "invalid_grant");
        Assert.Equal(1, (await _control.Arrivals()).CodesRedeemedTwice);
    }

    [Fact]
    public async Task An_injected_userinfo_fault_answers_401_once()
    {
        var access = (await Tokens()).GetProperty("access_token").GetString()!;
        await _control.InjectUserinfoFaults(1);

        using var faulted = await Userinfo(access);
        using var served = await Userinfo(access);

        await AssertError(faulted, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    private async Task<string> Ticket(string service)
    {
        using var login = await _http.GetAsync(At(Tenant, AuthCenterPaths.CasLogin) + "?service=" + Uri.EscapeDataString(service));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith(service, login.Headers.Location!.ToString());
        return Query(login.Headers.Location!)["ticket"];
    }

    private async Task<string> Validate(string service, string ticket, string format = "") =>
        await _http.GetStringAsync(At(Tenant, AuthCenterPaths.CasValidate) + $"?service={Uri.EscapeDataString(service)}&ticket={ticket}{format}");

    private static readonly XNamespace Cas = "http://www.yale.edu/tp/cas";

    [Fact]
    public async Task A_CAS_ticket_validates_once_in_XML_with_the_users_attributes()
    {
        var service = Callback + "?tenant=" + Tenant;
        var ticket = await Ticket(service);
        Assert.StartsWith("ST-", ticket);

        var success = XElement.Parse(await Validate(service, ticket)).Element(Cas + "authenticationSuccess")!;
        var again = XElement.Parse(await Validate(service, ticket)).Element(Cas + "authenticationFailure")!;

        Assert.Equal("zhangsan01", success.Element(Cas + "user")!.Value);
        var attributes = success.Element(Cas + "attributes")!;
        Assert.Equal(("admin", "10001", "Zhang San", Tenant), (attributes.Element(Cas + "role")!.Value, attributes.Element(Cas + "organizationCode")!.Value, attributes.Element(Cas + "name")!.Value, attributes.Element(Cas + "tenant")!.Value));
        Assert.Equal("INVALID_TICKET", again.Attribute("code")!.Value);
        Assert.Equal(1, (await _control.Arrivals()).TicketsValidatedTwice);
    }

    [Fact]
    public async Task A_CAS_ticket_validates_in_JSON_and_is_refused_for_another_service()
    {
        var json = JsonDocument.Parse(await Validate(Callback, await Ticket(Callback), "&format=JSON")).RootElement.GetProperty("serviceResponse");
        var otherService = JsonDocument.Parse(await Validate("https://app.example.com/other", await Ticket(Callback), "&format=JSON")).RootElement.GetProperty("serviceResponse");
        var unknown = XElement.Parse(await Validate(Callback, "ST-unknown")).Element(Cas + "authenticationFailure")!;

        Assert.Equal("zhangsan01", json.GetProperty("authenticationSuccess").GetProperty("attributes").GetProperty("userName").GetString());
        Assert.Equal("INVALID_SERVICE", otherService.GetProperty("authenticationFailure").GetProperty("code").GetString());
        Assert.Equal("INVALID_TICKET", unknown.Attribute("code")!.Value);
    }

    [Fact]
    public async Task CAS_login_refuses_an_unregistered_service_and_CAS_logout_ends_the_session()
    {
        using var unregistered = await _http.GetAsync(At(Tenant, AuthCenterPaths.CasLogin) + "?service=" + Uri.EscapeDataString("https://evil.example.com/callback"));
        using var logout = await _http.GetAsync(At(Tenant, AuthCenterPaths.CasLogout) + "?service=" + Uri.EscapeDataString(Callback));
        using var login = await _http.GetAsync(At(Tenant, AuthCenterPaths.CasLogin) + "?service=" + Uri.EscapeDataString(Callback));

        Assert.Equal(HttpStatusCode.BadRequest, unregistered.StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, Callback), (logout.StatusCode, logout.Headers.Location!.ToString()));
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task The_control_API_refuses_bad_registrations_and_unknown_tenants_or_users()
    {
        using var badRole = await _http.PutAsJsonAsync($"/simulator/tenants/{Tenant}/users/wang", new AuthUser("wang", "Wang", "root", "1"));
        using var unknownTenant = await _http.PutAsJsonAsync("/simulator/tenants/nobody/users/wang", new AuthUser("wang", "Wang", "user", "1"));
        using var unknownUser = await _http.PutAsJsonAsync($"/simulator/tenants/{Tenant}/signed-in", new SignInRequest("nobody"));
        using var noCallback = await _http.PutAsJsonAsync("/simulator/tenants/t3", new TenantScript("c", "s", []));
        using var badCount = await _http.PostAsJsonAsync("/simulator/faults/userinfo", new UserinfoFaultRequest(0));

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest],
            new[] { badRole, unknownTenant, unknownUser, noCallback, badCount }.Select(r => r.StatusCode));
    }
}
