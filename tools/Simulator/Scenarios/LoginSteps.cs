using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Provisioning.Marketplace.AuthCenter;
using Provisioning.Simulator.Login;

namespace Provisioning.Simulator.Scenarios;

/// <summary>The steps the login scenarios share: logins that must be admitted (the token verified, its claims checked) or refused.</summary>
internal sealed class LoginSteps(ScenarioPlay play, LoginSite site)
{
    public const string OAuth = "oauth2";
    public const string Cas = "cas";
    public const string Option = "--auth-center and --login-return-url";
    public const string CallbackPath = "/login/callback";

    /// <summary>The seller application's own query parameter on the return address, which must come back untouched.</summary>
    private const string AppParameter = "from";

    public ScenarioPlay Play { get; } = play;

    public LoginSite Site { get; } = site;

    /// <summary>The steps of a scenario; it is skipped when the run has no fake auth center or no return address.</summary>
    public static LoginSteps For(ScenarioPlay play) => new(play, play.Require(play.Login, Option));

    /// <summary>The return address logins ask for, with a query of the application's own.</summary>
    public string ReturnUrl => QueryHelpers.AddQueryString(Site.ReturnUrl.ToString(), AppParameter, "simulator");

    /// <summary>Where a login of <paramref name="tenantId"/> starts.</summary>
    public Uri Start(string tenantId, string method = OAuth, string? returnUrl = null) =>
        Site.At($"/login/{(method == Cas ? "cas/" : "")}{Uri.EscapeDataString(tenantId)}?returnUrl={Uri.EscapeDataString(returnUrl ?? ReturnUrl)}");

    public Uri Refresh() => Site.At($"/login/refresh?returnUrl={Uri.EscapeDataString(ReturnUrl)}");

    public Uri Logout() => Site.At($"/logout?returnUrl={Uri.EscapeDataString(ReturnUrl)}");

    /// <summary>Whether <paramref name="url"/> is the gateway's OAuth callback.</summary>
    public bool IsCallback(Uri url) => Site.IsGateway(url) && url.AbsolutePath == CallbackPath;

    /// <summary>
    /// Follows <paramref name="start"/> as <paramref name="user"/>: it must return to the application with a token that verifies
    /// and says <paramref name="expected"/>, and pass <paramref name="more"/>.
    /// </summary>
    public async Task<(JsonWebToken Token, Landing Landing)> Admitted(string step, LoginBrowser browser, Uri start, string? user, ExpectedLogin expected,
        Func<JsonWebToken, Landing, string?>? more = null)
    {
        (JsonWebToken, Landing)? admitted = null;
        await Play.Check(step, async () =>
        {
            var landing = await browser.Follow(start, user);
            if (landing.Token is not { } token) return $"not admitted: {landing.Describe()}";
            if (ReturnProblem(landing.Returned!) is { } returned) return returned;
            var (jwt, problem) = await Site.Tokens.Verify(token);
            if (jwt is null) return problem;
            admitted = (jwt, landing);
            return expected.Problem(jwt) ?? more?.Invoke(jwt, landing);
        });
        return admitted!.Value;
    }

    /// <summary>
    /// Follows <paramref name="start"/>: it must end in an answer (no redirect) with <paramref name="status"/>, the header
    /// <c>Login-Error: <paramref name="code"/></c> and the JSON error <paramref name="code"/>, and pass <paramref name="more"/>.
    /// </summary>
    public async Task<Landing> Refused(string step, LoginBrowser browser, Uri start, string? user, int status, string code,
        Func<Landing, string?>? more = null)
    {
        Landing? refused = null;
        await Play.Check(step, async () =>
        {
            var landing = refused = await browser.Follow(start, user);
            return landing.Returned is not null || landing.Status != status || landing.LoginError != code || landing.Error != code
                ? $"expected {status} {code}: {landing.Describe()}"
                : string.IsNullOrEmpty(landing.ErrorDescription) ? "the JSON error has no error_description"
                : more?.Invoke(landing);
        });
        return refused!;
    }

    /// <summary>Starts a login as <paramref name="user"/> and stops where the auth center sends the browser back to the gateway.</summary>
    public async Task<Uri> AtCallback(string step, LoginBrowser browser, Uri start, string user, Func<Uri, bool>? isCallback = null)
    {
        Uri? callback = null;
        await Play.Check(step, async () =>
        {
            var landing = await browser.Follow(start, user, isCallback ?? IsCallback);
            callback = landing.PausedAt;
            return callback is null ? $"the auth center did not send the browser back: {landing.Describe()}" : null;
        });
        return callback!;
    }

    /// <summary>What the fake auth center has seen so far (arrivals of every tenant: scenarios play one at a time).</summary>
    public async Task<AuthArrivalSnapshot> Arrivals(string step)
    {
        AuthArrivalSnapshot? arrivals = null;
        await Play.Check(step, async () =>
        {
            arrivals = await Site.AuthCenterControl.Arrivals();
            return null;
        });
        return arrivals!;
    }

    /// <summary>Checks what arrived at the fake auth center since <paramref name="before"/>: <paramref name="check"/> gets before and now.</summary>
    public Task Saw(string step, AuthArrivalSnapshot before, Func<AuthArrivalSnapshot, AuthArrivalSnapshot, string?> check) =>
        Play.Check(step, async () => check(before, await Site.AuthCenterControl.Arrivals()));

    /// <summary>
    /// Logs out of <paramref name="browser"/>'s session: 302 to the auth center's <paramref name="logoutPath"/>, which sends
    /// the browser back to the application.
    /// </summary>
    public Task LoggedOut(string step, LoginBrowser browser, string logoutPath) =>
        Play.Check(step, async () =>
        {
            var landing = await browser.Follow(Logout());
            return landing.Returned is not { } returned ? $"did not return to the application: {landing.Describe()}"
                : landing.Visited.Count != 2 || !Site.IsAuthCenter(landing.Visited[1]) || !landing.Visited[1].AbsolutePath.EndsWith(logoutPath, StringComparison.Ordinal)
                    ? $"went through {string.Join(" then ", landing.Visited.Select(u => u.GetLeftPart(UriPartial.Path)))}, not the gateway then the auth center's {logoutPath}"
                : ReturnProblem(returned);
        });

    /// <summary>The <c>sid</c> of a verified token.</summary>
    public static string? Sid(JsonWebToken token) => token.TryGetPayloadValue<string>("sid", out var sid) ? sid : null;

    /// <summary><paramref name="callback"/> with its <paramref name="name"/> parameter replaced.</summary>
    public static Uri WithParameter(Uri callback, string name, string value)
    {
        var query = QueryHelpers.ParseQuery(callback.Query).Where(p => p.Key != name).Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.ToString()));
        return new Uri(QueryHelpers.AddQueryString(callback.GetLeftPart(UriPartial.Path), [.. query, new(name, value)]));
    }

    /// <summary>The value of <paramref name="name"/> in <paramref name="url"/>'s query.</summary>
    public static string? Parameter(Uri url, string name) =>
        QueryHelpers.ParseQuery(url.Query).TryGetValue(name, out var value) ? value.ToString() : null;

    private string? ReturnProblem(Uri returned) =>
        returned.GetLeftPart(UriPartial.Path) != Site.ReturnUrl.GetLeftPart(UriPartial.Path) ? $"returned to {returned.GetLeftPart(UriPartial.Path)}, not {Site.ReturnUrl}"
        : Parameter(returned, AppParameter) != "simulator" ? $"the return address lost its own {AppParameter} parameter"
        : null;
}
