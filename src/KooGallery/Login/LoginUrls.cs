namespace Provisioning.KooGallery.Login;

/// <summary>
/// Where the browser is sent to log a user in or out through a tenant's auth center (kit §D.1–D.3). Every query value is
/// percent-encoded as RFC 3986 data (<see cref="Uri.EscapeDataString"/>), so a callback's own query survives intact.
/// </summary>
public static class LoginUrls
{
    /// <summary>The scope asked for when none is given.</summary>
    public const string DefaultScope = "get_user_info";

    /// <summary>
    /// The OAuth 2.0 authorization request: <c>/api/v1/oauth2/authorize</c> with <c>response_type=code</c>. With
    /// <paramref name="pkceVerifier"/>, its S256 challenge is added; keep the verifier for the code exchange.
    /// </summary>
    /// <exception cref="ArgumentException">A mandatory value is empty, or <paramref name="state"/> is not alphanumeric (kit §D.2).</exception>
    public static Uri Authorize(AuthCenterAddress authCenter, string clientId, string redirectUri, string? state = null,
        string scope = DefaultScope, string? pkceVerifier = null)
    {
        ArgumentNullException.ThrowIfNull(authCenter);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(redirectUri);
        ArgumentException.ThrowIfNullOrEmpty(scope);
        if (state is not null && (state.Length == 0 || !state.All(char.IsAsciiLetterOrDigit)))
        {
            throw new ArgumentException("The OAuth state is letters and digits only (kit §D.2).", nameof(state));
        }

        var query = new List<(string, string)> { ("client_id", clientId), ("redirect_uri", redirectUri), ("response_type", "code"), ("scope", scope) };
        if (state is not null) query.Add(("state", state));
        if (pkceVerifier is not null)
        {
            query.Add(("code_challenge", Pkce.Challenge(pkceVerifier)));
            query.Add(("code_challenge_method", Pkce.Method));
        }

        return new Uri(authCenter.At("/api/v1/oauth2/authorize") + Query(query));
    }

    /// <summary>The unified login page for the application credential <paramref name="appId"/> (kit §D.1).</summary>
    /// <param name="unifiedLoginUrl">The page before its fragment: <see cref="TenantAuthCenterOptions.UnifiedLoginUrl"/>.</param>
    public static Uri UnifiedLogin(string unifiedLoginUrl, string appId)
    {
        ArgumentException.ThrowIfNullOrEmpty(unifiedLoginUrl);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        return new Uri($"{unifiedLoginUrl}#/portal-login?ind=UNOP&appId={Uri.EscapeDataString(appId)}");
    }

    /// <summary>The OAuth logout; without <paramref name="redirectUrl"/> the auth center shows its login page.</summary>
    public static Uri Logout(AuthCenterAddress authCenter, string? redirectUrl = null)
    {
        ArgumentNullException.ThrowIfNull(authCenter);
        return new Uri(authCenter.At("/api/v1/logout") + (string.IsNullOrEmpty(redirectUrl) ? "" : Query([("redirect_url", redirectUrl)])));
    }

    /// <summary>The CAS 3.0 login; <paramref name="service"/> is the registered callback, which gets <c>?ticket=ST-…</c>.</summary>
    public static Uri CasLogin(AuthCenterAddress authCenter, string service) => Cas(authCenter, "/api/v1/cas/login", service);

    /// <summary>The CAS 3.0 logout, back to <paramref name="service"/>.</summary>
    public static Uri CasLogout(AuthCenterAddress authCenter, string service) => Cas(authCenter, "/api/v1/cas/logout", service);

    internal static string Query(IEnumerable<(string Name, string Value)> pairs) =>
        "?" + string.Join('&', pairs.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));

    private static Uri Cas(AuthCenterAddress authCenter, string path, string service)
    {
        ArgumentNullException.ThrowIfNull(authCenter);
        ArgumentException.ThrowIfNullOrEmpty(service);
        return new Uri(authCenter.At(path) + Query([("service", service)]));
    }
}
