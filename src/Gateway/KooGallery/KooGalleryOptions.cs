using System.ComponentModel.DataAnnotations;

namespace Provisioning.Gateway.KooGallery;

/// <summary>The seller's KooGallery settings (configuration section <c>KooGallery</c>, e.g. <c>KooGallery__Key</c>).</summary>
public sealed class KooGalleryOptions : IValidatableObject
{
    public const string SectionName = "KooGallery";

    /// <summary>The least time between the provisioning budget running out and the callback timing out.</summary>
    public static readonly TimeSpan MinimumAnswerMargin = TimeSpan.FromMilliseconds(500);

    /// <summary>V1 "服务商 Key": verifies authToken, signs answers (Body-Sign), derives the field-cipher key.</summary>
    [Required(ErrorMessage = "KooGallery:Key (the V1 seller Key) is not set")]
    public string? Key { get; set; }

    /// <summary>V2 basic-interface access key.</summary>
    [Required(ErrorMessage = "KooGallery:AccessKey (the V2 access key) is not set")]
    public string? AccessKey { get; set; }

    /// <summary>V2 joint-operation Kit access key.</summary>
    [Required(ErrorMessage = "KooGallery:KitAccessKey (the V2 Kit access key) is not set")]
    public string? KitAccessKey { get; set; }

    /// <summary>
    /// The access key bound to the License授权码交付接口 type (license spec §B.3): verifies and signs the activation code callbacks.
    /// Optional: without it those callbacks are refused (000001), so a seller of SaaS only needs none.
    /// </summary>
    public string? LicenseAccessKey { get; set; }

    /// <summary>
    /// PEM private key (PKCS#8 or PKCS#1, RSA ≥ 3072 bits) whose public half was uploaded with the app credential: it decrypts the
    /// clientSecret of applicationSync. Needed for joint-operation products only.
    /// </summary>
    public string? KitPrivateKey { get; set; }

    /// <summary>appInfo credential encryption: "1" = AES-256 (default), "2" = AES-128. Also the first key size tried for buyer mobile/email.</summary>
    [RegularExpression("^[12]$", ErrorMessage = "KooGallery:EncryptType must be \"1\" (AES-256) or \"2\" (AES-128)")]
    public string EncryptType { get; set; } = "1";

    /// <summary>Path of the production interface registered in the seller console.</summary>
    [RegularExpression("^/[A-Za-z0-9/_.-]*$", ErrorMessage = "KooGallery:BasePath must start with '/' and contain only URL path characters")]
    public string BasePath { get; set; } = "/koogallery";

    /// <summary>
    /// How far a V1 timeStamp may be from our clock before the call is refused as stale (000001); zero turns the check off.
    /// V1 defines no window, and the marketplace retries for up to 3 hours, so the default is generous.
    /// </summary>
    public TimeSpan V1TimestampTolerance { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// The same rule for the Kit V1 body's <c>timeStamp</c> (GMT+8): Kit V1 has no nonce, so without it one captured sync could be
    /// replayed forever. A day also absorbs a sender that stamps the wrong time zone (Kit spec §2.1); zero turns the check off.
    /// </summary>
    public TimeSpan KitV1TimestampTolerance { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How far a V2 <c>timestamp</c> may be from our clock (spec §3.4: 60 s). A replayed nonce is refused for as long.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "KooGallery:V2TimestampWindow must be between 1 second and 1 hour")]
    public TimeSpan V2TimestampWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Also accept V2 signatures whose inner hash is a plain SHA-256 of the body (spec §3.4 fallback (a)), for first contact with the
    /// debug console only; every match is logged so the variant can be pinned down and this turned off again.
    /// </summary>
    public bool V2PlainBodyHashFallback { get; set; }

    /// <summary>
    /// How long a V2 newInstance waits for provisioning before answering 000004 and finishing in the background, and, with the
    /// provisioning hook, how long a V1 newInstance waits for the seller's application before answering 000005; at least
    /// <see cref="MinimumAnswerMargin"/> shorter than <see cref="CallbackTimeout"/>, so that answer comes before the timeout's 000005.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:04", ErrorMessage = "KooGallery:ProvisioningBudget must stay under the marketplace's 5 s timeout")]
    public TimeSpan ProvisioningBudget { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a callback waits for its grains before answering 000005, whatever holds them up (a silo that died mid-call, a
    /// database that hangs): the marketplace gives up at 5 s and counts a timeout against the seller, but retries a 000005.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "00:00:04.5", ErrorMessage = "KooGallery:CallbackTimeout must be between 0.5 s and 4.5 s: the marketplace times out at 5 s")]
    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(4);

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        if (ProvisioningBudget > CallbackTimeout - MinimumAnswerMargin)
        {
            yield return new ValidationResult(
                $"KooGallery:ProvisioningBudget ({ProvisioningBudget}) must be at least {MinimumAnswerMargin.TotalSeconds} s shorter than KooGallery:CallbackTimeout ({CallbackTimeout})",
                [nameof(ProvisioningBudget), nameof(CallbackTimeout)]);
        }
    }
}
