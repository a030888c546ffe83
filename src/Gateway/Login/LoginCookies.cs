using System.Buffers.Text;
using System.Security.Cryptography;

namespace Provisioning.Gateway.Login;

/// <summary>
/// The browser's login cookies: <c>login_attempt</c> binds a started login to the browser its callback must come back to;
/// <c>login_session</c> names the session. Each holds only a random key (256 bits) of a grain in the cluster.
/// </summary>
public static class LoginCookies
{
    public const string Attempt = "login_attempt";
    public const string Session = "login_session";

    /// <summary>A new random cookie value.</summary>
    public static string NewValue() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The cookie's value when it looks like one this gateway set, else null.</summary>
    public static string? Read(HttpRequest request, string name) =>
        request.Cookies.TryGetValue(name, out var value) && value is { Length: 43 } && Base64Url.IsValid(value) ? value : null;

    /// <summary>Sets an HttpOnly, SameSite=Lax cookie (sent on the auth center's redirect back), Secure when the gateway is served over https.</summary>
    public static void Write(HttpResponse response, string name, string value, TimeSpan lifetime, bool secure) =>
        response.Cookies.Append(name, value, Options(secure, lifetime));

    public static void Delete(HttpResponse response, string name, bool secure) => response.Cookies.Delete(name, Options(secure, null));

    private static CookieOptions Options(bool secure, TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = secure,
        Path = "/",
        MaxAge = lifetime,
        IsEssential = true,
    };
}
