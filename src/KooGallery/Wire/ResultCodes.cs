namespace Provisioning.KooGallery;

/// <summary>
/// The six-digit <c>resultCode</c> values a seller returns to KooGallery (spec §4).
/// Anything other than <see cref="Success"/> counts as a failure and may be retried.
/// </summary>
public static class ResultCodes
{
    /// <summary>Done, or already done (an idempotent repeat).</summary>
    public const string Success = "000000";

    /// <summary>The authToken or signature did not match.</summary>
    public const string AuthenticationFailed = "000001";

    /// <summary>A mandatory parameter is missing or invalid, or the activity is unknown.</summary>
    public const string InvalidParameter = "000002";

    /// <summary>The instance id is not known.</summary>
    public const string InstanceNotFound = "000003";

    /// <summary>The request is still being processed (asynchronous provisioning).</summary>
    public const string InProgress = "000004";

    /// <summary>Any other internal error; the marketplace retries.</summary>
    public const string InternalError = "000005";

    /// <summary>No instance resource is available to allocate.</summary>
    public const string NoInstanceResource = "000100";

    /// <summary>The mobile number is empty or already used.</summary>
    public const string MobileUnavailable = "000101";

    /// <summary>The email is empty or already used.</summary>
    public const string EmailUnavailable = "000102";

    /// <summary>The product cannot be purchased more than once.</summary>
    public const string RepeatPurchase = "000103";

    /// <summary>A product-specific internal error.</summary>
    public const string ProductError = "000104";

    /// <summary>The account has already subscribed to this benefit.</summary>
    public const string AlreadySubscribed = "000105";

    /// <summary>The product's resources are sold out.</summary>
    public const string SoldOut = "000106";

    /// <summary>The SaaS email domain (saasExtendParams <c>emailDomainName</c>) already exists.</summary>
    public const string EmailDomainExists = "000107";
}
