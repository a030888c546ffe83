namespace Provisioning.Marketplace.AuthCenter;

/// <summary>
/// The auth center's paths under a tenant's <c>domainName</c> (spec §D.2, §D.3). The fake plays every tenant on one port, each
/// under its own first segment, so a tenant's <c>domainName</c> is <c>{BaseUrl}/{tenantId}</c>.
/// </summary>
public static class AuthCenterPaths
{
    public const string Authorize = "/api/v1/oauth2/authorize";
    public const string Token = "/api/v1/oauth2/token";
    public const string Userinfo = "/api/v1/oauth2/userinfo";
    public const string Logout = "/api/v1/logout";
    public const string CasLogin = "/api/v1/cas/login";
    public const string CasValidate = "/api/v1/cas/p3/serviceValidate";
    public const string CasLogout = "/api/v1/cas/logout";

    /// <summary>Where <c>logout</c> sends the browser when no <c>redirect_url</c> is given.</summary>
    public const string LoginPage = "/login";

    /// <summary>The fake's own query parameter of authorize and CAS login naming the user who logs in (and stays signed in).</summary>
    public const string UserParameter = "user";

    internal const string TenantRoute = "/{tenantId}";

    /// <summary><paramref name="url"/> with <paramref name="query"/> appended (after <c>?</c> or <c>&amp;</c>).</summary>
    internal static string Append(string url, string query) => url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
}
