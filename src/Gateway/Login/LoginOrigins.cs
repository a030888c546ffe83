namespace Provisioning.Gateway.Login;

/// <summary>The origins a login may return to: a <c>returnUrl</c> is followed only when its origin is one of them (no open redirect).</summary>
public sealed class LoginOrigins(IEnumerable<string> origins)
{
    private readonly HashSet<string> _origins = origins.Select(Parse).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="url"/> is an absolute http(s) URL, without user info, at one of the origins.</summary>
    public bool Allows(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length == 0 && OriginOf(uri) is { } origin && _origins.Contains(origin);

    /// <summary>The canonical origin (<c>scheme://host:port</c>, lower case) of <paramref name="value"/>, or null when it is not an origin.</summary>
    public static string? Parse(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.UserInfo.Length == 0 && uri.AbsolutePath == "/"
        && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? OriginOf(uri)
            : null;

    private static string? OriginOf(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)
            ? $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}:{uri.Port}"
            : null;
}
