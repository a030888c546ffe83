namespace Provisioning.Infrastructure.SellerApplication;

/// <summary>Where the seller's own application listens, and the secret we sign with (configuration section <c>SellerApplication</c>).</summary>
public sealed class SellerApplicationOptions
{
    public const string SectionName = "SellerApplication";

    /// <summary>Where lifecycle and tenant events are POSTed; no events are recorded while it is unset.</summary>
    public Uri? EventsUrl { get; set; }

    /// <summary>Where <c>newInstance</c> asks the application to create the tenant; the provisioning hook is off while it is unset.</summary>
    public Uri? ProvisioningUrl { get; set; }

    /// <summary>The Standard Webhooks signing secret, <c>whsec_</c> and base64 (or the base64 alone); required when a URL is set.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Whether test traffic (<c>testFlag=1</c>) emits events too.</summary>
    public bool IncludeTestTraffic { get; set; }

    /// <summary>How long one POST to the application may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
