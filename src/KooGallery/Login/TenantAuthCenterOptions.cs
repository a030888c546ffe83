using System.ComponentModel.DataAnnotations;

namespace Provisioning.KooGallery.Login;

/// <summary>The joint-operation login (configuration section <c>KooGallery:Login</c>).</summary>
public sealed class TenantAuthCenterOptions : IValidatableObject
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "KooGallery:Login";

    /// <summary>The unified login page (kit §D.1) before its <c>#/portal-login</c> fragment.</summary>
    public string UnifiedLoginUrl { get; set; } = "https://macroverse.huaweicloud.com/unified-login/";

    /// <summary>How long one call to a tenant's auth center may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "KooGallery:Login:Timeout must be between 10 ms and 1 minute")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(UnifiedLoginUrl, UriKind.Absolute, out var uri) || uri.Fragment.Length > 0
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(UnifiedLoginUrl)} '{UnifiedLoginUrl}' is not an absolute https URL without a fragment (http only on a loopback host)",
                [nameof(UnifiedLoginUrl)]);
        }
    }
}
