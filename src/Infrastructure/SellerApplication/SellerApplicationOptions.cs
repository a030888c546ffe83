using System.ComponentModel.DataAnnotations;
using StandardWebhooks;

namespace Provisioning.Infrastructure.SellerApplication;

/// <summary>
/// Where the seller's own application listens, the secret we sign with, and how events are delivered to it
/// (configuration section <c>SellerApplication</c>). A URL without a usable secret refuses to start, in Development too:
/// an application that cannot verify what it receives should not be sent anything.
/// </summary>
public sealed class SellerApplicationOptions : IValidatableObject
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
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "SellerApplication:RequestTimeout must be between 100 ms and 5 minutes")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each silo looks for due events when nothing nudged it (a fresh event of this silo goes out at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00", ErrorMessage = "SellerApplication:PollPeriod must be between 10 ms and 1 minute")]
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after an event's first failed delivery; it doubles for each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "SellerApplication:RetryDelay must be between 10 ms and 1 hour")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two deliveries of one event.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00", ErrorMessage = "SellerApplication:MaxRetryDelay must be between 10 ms and 1 day")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The age (since it was recorded) after which an event whose delivery fails is dead-lettered instead of retried.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00", ErrorMessage = "SellerApplication:DeadLetterAfter must be between 1 second and 30 days")]
    public TimeSpan DeadLetterAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long a silo holds the head of a stream while it delivers it; longer than <see cref="RequestTimeout"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "SellerApplication:LeaseDuration must be between 1 second and 1 hour")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many streams one silo delivers at once.</summary>
    [Range(1, 256, ErrorMessage = "SellerApplication:MaxConcurrentDeliveries must be between 1 and 256")]
    public int MaxConcurrentDeliveries { get; set; } = 16;

    /// <summary>How long a delivered event is kept (for the application's dedupe window and for inspection) before it is pruned.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00", ErrorMessage = "SellerApplication:RetainDelivered must be between 1 second and 365 days")]
    public TimeSpan RetainDelivered { get; set; } = TimeSpan.FromDays(7);

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        foreach (var (name, url) in new[] { (nameof(EventsUrl), EventsUrl), (nameof(ProvisioningUrl), ProvisioningUrl) })
        {
            if (url is not null && !(url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
            {
                yield return new ValidationResult($"{SectionName}:{name} '{url}' is not an absolute http(s) URL", [name]);
            }
        }

        if ((EventsUrl is not null || ProvisioningUrl is not null) && !IsUsableSecret(SigningSecret))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(SigningSecret)} must be a Standard Webhooks secret (whsec_ and base64) when {SectionName}:{nameof(EventsUrl)} " +
                $"or {SectionName}:{nameof(ProvisioningUrl)} is set: the application verifies every request with it", [nameof(SigningSecret)]);
        }

        if (LeaseDuration <= RequestTimeout)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(LeaseDuration)} ({LeaseDuration}) must be longer than {SectionName}:{nameof(RequestTimeout)} ({RequestTimeout}), " +
                "or another silo could deliver a stream's next event while the first is still being sent", [nameof(LeaseDuration)]);
        }

        if (MaxRetryDelay < RetryDelay)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(MaxRetryDelay)} ({MaxRetryDelay}) must not be shorter than {SectionName}:{nameof(RetryDelay)} ({RetryDelay})", [nameof(MaxRetryDelay)]);
        }
    }

    /// <summary>The signer of <see cref="SigningSecret"/> (validated at start whenever a URL needs it).</summary>
    internal StandardWebhook CreateSigner() => new(SigningSecret!);

    // The message names no part of the secret: a bad one is only "not usable".
    private static bool IsUsableSecret(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret)) return false;
        try
        {
            _ = new StandardWebhook(secret);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
