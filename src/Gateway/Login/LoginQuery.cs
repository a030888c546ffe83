using Microsoft.Extensions.Options;
using Provisioning.Grains.Instances;

namespace Provisioning.Gateway.Login;

/// <summary>Reads a login request's query, refusing what could be read two ways (a repeated parameter) or leads off-site.</summary>
public sealed class LoginQuery(IOptions<LoginOptions> options)
{
    private readonly LoginOrigins _origins = new(options.Value.ApplicationOrigins);

    /// <summary>The parameter's one value, or null when absent or empty.</summary>
    /// <exception cref="LoginRefusedException">It is given more than once.</exception>
    public static string? Single(HttpRequest request, string name)
    {
        var values = request.Query[name];
        if (values.Count > 1) throw new LoginRefusedException(LoginError.InvalidRequest, $"The parameter {name} is given more than once.");
        return values.Count == 1 && values[0] is { Length: > 0 } value ? value : null;
    }

    /// <summary>The parameter's value; it must be there.</summary>
    public static string Required(HttpRequest request, string name) =>
        Single(request, name) ?? throw new LoginRefusedException(LoginError.InvalidRequest, $"The parameter {name} is missing.");

    /// <summary><c>?test=true</c> names a tenant synced by test traffic.</summary>
    public static Traffic Traffic(HttpRequest request) => Single(request, "test") switch
    {
        null or "false" => Grains.Instances.Traffic.Live,
        "true" => Grains.Instances.Traffic.Test,
        _ => throw new LoginRefusedException(LoginError.InvalidRequest, "The parameter test is true or false."),
    };

    /// <summary>Where the login returns: <c>returnUrl</c>, else <see cref="LoginOptions.DefaultReturnUrl"/>; always within the application origins.</summary>
    /// <exception cref="LoginRefusedException">There is none, or it leads elsewhere.</exception>
    public string ReturnUrl(HttpRequest request) => OptionalReturnUrl(request)
        ?? throw new LoginRefusedException(LoginError.ReturnUrlNotAllowed, "The parameter returnUrl is missing and Login:DefaultReturnUrl is not set.");

    /// <summary>As <see cref="ReturnUrl"/>, but null when neither is given.</summary>
    public string? OptionalReturnUrl(HttpRequest request)
    {
        var url = Single(request, "returnUrl") ?? options.Value.DefaultReturnUrl;
        if (url is not null && !_origins.Allows(url))
        {
            throw new LoginRefusedException(LoginError.ReturnUrlNotAllowed,
                "The returnUrl is not an absolute URL at one of the application's origins (Login:ApplicationOrigins).");
        }

        return url;
    }
}
