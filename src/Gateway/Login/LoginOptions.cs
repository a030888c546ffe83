using System.ComponentModel.DataAnnotations;
using Provisioning.KooGallery.Login;

namespace Provisioning.Gateway.Login;

/// <summary>The login bridge for joint-operation buyers (configuration section <c>Login</c>; see <c>docs/login.md</c>).</summary>
public sealed class LoginOptions : IValidatableObject
{
    public const string SectionName = "Login";

    /// <summary>The gateway's origin as browsers see it (<c>https://login.seller.example</c>); without it, each request's own.</summary>
    public string? PublicOrigin { get; set; }

    /// <summary>The origins of the seller's application a login may return to; a <c>returnUrl</c> elsewhere is refused.</summary>
    public List<string> ApplicationOrigins { get; set; } = [];

    /// <summary>Where a login without <c>returnUrl</c> returns; it must be within <see cref="ApplicationOrigins"/>.</summary>
    public string? DefaultReturnUrl { get; set; }

    /// <summary>The application credential (appId) logins use when a tenant has several; with one, that one is used.</summary>
    public string? AppId { get; set; }

    /// <summary>Start OAuth logins at the unified login page (kit §D.1) instead of the tenant's authorize endpoint.</summary>
    public bool UseUnifiedLogin { get; set; }

    /// <summary>Send a PKCE S256 challenge with the authorization request (auth centers that do not know PKCE ignore it).</summary>
    public bool UsePkce { get; set; } = true;

    /// <summary>Admit callbacks no login of this gateway started (the workbench starts them, kit §D.3); they return to <see cref="DefaultReturnUrl"/>.</summary>
    public bool AcceptWorkbenchLogins { get; set; }

    /// <summary>The form CAS ticket validation asks for.</summary>
    public CasFormat CasFormat { get; set; } = CasFormat.Xml;

    [Range(typeof(TimeSpan), "00:01:00", "01:00:00", ErrorMessage = "Login:AttemptLifetime must be between 1 minute and 1 hour")]
    public TimeSpan AttemptLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a login session (and its refreshes) lives at most.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00", ErrorMessage = "Login:SessionLifetime must be between 5 minutes and 30 days")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The lifetime of the token handed to the seller's application.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00", ErrorMessage = "Login:TokenLifetime must be between 1 minute and 1 hour")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The token's <c>iss</c>; without it <see cref="PublicOrigin"/>, else each request's own origin.</summary>
    public string? Issuer { get; set; }

    /// <summary>The token's <c>aud</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Login:Audience must not be empty")]
    public string Audience { get; set; } = "seller-application";

    /// <summary>How long one signing key signs before the next takes over; the retired key stays published for a token lifetime.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00", ErrorMessage = "Login:KeyRotation must be between 1 hour and 90 days")]
    public TimeSpan KeyRotation { get; set; } = TimeSpan.FromDays(1);

    public string LoginPath { get; set; } = "/login/{tenantId}";
    public string CallbackPath { get; set; } = "/login/callback";
    public string CasLoginPath { get; set; } = "/login/cas/{tenantId}";
    public string CasCallbackPath { get; set; } = "/login/cas/callback";
    public string RefreshPath { get; set; } = "/login/refresh";
    public string LogoutPath { get; set; } = "/logout";

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        foreach (var origin in ApplicationOrigins)
        {
            if (LoginOrigins.Parse(origin) is null)
            {
                yield return new ValidationResult(
                    $"{SectionName}:{nameof(ApplicationOrigins)} '{origin}' is not an origin (scheme://host[:port], https, or http on a loopback host)",
                    [nameof(ApplicationOrigins)]);
            }
        }

        if (PublicOrigin is not null && LoginOrigins.Parse(PublicOrigin) is null)
        {
            yield return new ValidationResult($"{SectionName}:{nameof(PublicOrigin)} '{PublicOrigin}' is not an origin (scheme://host[:port])",
                [nameof(PublicOrigin)]);
        }

        if (DefaultReturnUrl is not null && !new LoginOrigins(ApplicationOrigins).Allows(DefaultReturnUrl))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(DefaultReturnUrl)} is not an absolute URL within {SectionName}:{nameof(ApplicationOrigins)}",
                [nameof(DefaultReturnUrl)]);
        }

        foreach (var (name, path) in new[] { (nameof(LoginPath), LoginPath), (nameof(CasLoginPath), CasLoginPath) })
        {
            if (!path.StartsWith('/') || !path.Contains("{tenantId}", StringComparison.Ordinal))
            {
                yield return new ValidationResult($"{SectionName}:{name} must start with / and hold {{tenantId}}", [name]);
            }
        }

        foreach (var (name, path) in new[] { (nameof(CallbackPath), CallbackPath), (nameof(CasCallbackPath), CasCallbackPath),
                     (nameof(RefreshPath), RefreshPath), (nameof(LogoutPath), LogoutPath) })
        {
            if (!path.StartsWith('/') || path.Contains('{') || path.Contains('?'))
            {
                yield return new ValidationResult($"{SectionName}:{name} must be a path starting with / without parameters", [name]);
            }
        }
    }
}
