using System.Diagnostics.CodeAnalysis;

namespace Provisioning.KooGallery.Login;

/// <summary>
/// A tenant's auth center: the tenantSync <c>domainName</c>, used verbatim, scheme included (kit §D.2). It must be an
/// absolute https URL; plain http is accepted only for a loopback host, so tests and the simulator can run one locally.
/// </summary>
public sealed record AuthCenterAddress
{
    private readonly string _root;

    private AuthCenterAddress(string root) => _root = root;

    /// <summary>The auth center's URL as the tenantSync gave it, without a trailing slash.</summary>
    public override string ToString() => _root;

    /// <summary>The address of <paramref name="path"/> (starting with <c>/</c>) on this auth center.</summary>
    internal string At(string path) => _root + path;

    /// <summary>The auth center at <paramref name="domainName"/>, or why it cannot be one.</summary>
    public static bool TryParse(string? domainName, [NotNullWhen(true)] out AuthCenterAddress? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        var text = domainName?.Trim() ?? "";
        error = text.Length == 0 ? "the tenant's domainName is empty"
            : !Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                ? $"the tenant's domainName '{QuotedText.Shorten(text, 200)}' is not an absolute https URL"
            : uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback
                ? $"the tenant's domainName '{QuotedText.Shorten(text, 200)}' is not https (plain http is accepted only for a loopback host)"
            : uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0
                ? $"the tenant's domainName '{uri.Scheme}://{uri.IdnHost}…' carries user info, a query or a fragment"
            : null;
        if (error is null)
        {
            address = new AuthCenterAddress(text.TrimEnd('/'));
        }

        return error is null;
    }

    /// <summary>The auth center at <paramref name="domainName"/>.</summary>
    /// <exception cref="FormatException">It is not an absolute https URL (or http on a loopback host); the message says why.</exception>
    public static AuthCenterAddress Parse(string? domainName) =>
        TryParse(domainName, out var address, out var error) ? address : throw new FormatException(char.ToUpperInvariant(error[0]) + error[1..] + ".");
}
