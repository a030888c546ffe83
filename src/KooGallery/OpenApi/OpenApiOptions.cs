using System.ComponentModel.DataAnnotations;

namespace Provisioning.KooGallery.OpenApi;

/// <summary>
/// The marketplace Open API client (configuration section <c>KooGallery:OpenApi</c>): hosts, the Huawei Cloud AK/SK
/// (a different credential from the production-interface keys, spec §3.1), and per-attempt timeout and retries.
/// </summary>
public sealed class OpenApiOptions : IValidatableObject
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "KooGallery:OpenApi";

    /// <summary>Where the Open API lives.</summary>
    public string BaseUrl { get; set; } = "https://mkt.myhuaweicloud.com";

    /// <summary>Where a call goes when <see cref="BaseUrl"/> cannot be connected to (license §B.4); empty for none.</summary>
    public string? FallbackBaseUrl { get; set; } = "https://mkt.myhuaweicloud.cn";

    /// <summary>The Huawei Cloud access key id (AK), from 我的凭证 &gt; 访问密钥.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The Huawei Cloud secret access key (SK).</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>How long one attempt may take, fallback host included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00", ErrorMessage = "KooGallery:OpenApi:Timeout must be between 10 ms and 5 minutes")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>How many times a transient failure (network fault, timeout, HTTP 408, 429 or 5xx) is retried.</summary>
    [Range(0, 10, ErrorMessage = "KooGallery:OpenApi:MaxRetries must be between 0 and 10")]
    public int MaxRetries { get; set; } = 2;

    /// <summary>The wait before the first retry; it doubles for each further one, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00", ErrorMessage = "KooGallery:OpenApi:RetryDelay must be between 0 and 5 minutes")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary><see cref="BaseUrl"/> with a trailing slash, so relative paths keep any path it has.</summary>
    internal Uri BaseUri => WithSlash(BaseUrl);

    /// <summary><see cref="FallbackBaseUrl"/> like <see cref="BaseUri"/>, or null when there is none.</summary>
    internal Uri? FallbackBaseUri => string.IsNullOrWhiteSpace(FallbackBaseUrl) ? null : WithSlash(FallbackBaseUrl);

    /// <summary>A signer for the configured AK/SK.</summary>
    /// <exception cref="InvalidOperationException">The AK or the SK is not configured.</exception>
    internal ApiGatewaySigner CreateSigner()
    {
        var missing = string.IsNullOrWhiteSpace(AccessKeyId) ? nameof(AccessKeyId)
            : string.IsNullOrWhiteSpace(SecretAccessKey) ? nameof(SecretAccessKey)
            : null;
        if (missing is not null)
        {
            throw new InvalidOperationException(
                $"{SectionName}:{missing} is not set. The marketplace Open API (order query, old usage push) is called with the seller's "
                + $"Huawei Cloud AK/SK: set {SectionName}:{nameof(AccessKeyId)} and {SectionName}:{nameof(SecretAccessKey)}.");
        }

        return new ApiGatewaySigner(AccessKeyId!, SecretAccessKey!);
    }

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        if (!IsHttpUrl(BaseUrl))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(BaseUrl)} '{BaseUrl}' is not an absolute http(s) URL", [nameof(BaseUrl)]);
        }

        if (!string.IsNullOrWhiteSpace(FallbackBaseUrl) && !IsHttpUrl(FallbackBaseUrl))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(FallbackBaseUrl)} '{FallbackBaseUrl}' is not an absolute http(s) URL", [nameof(FallbackBaseUrl)]);
        }
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static Uri WithSlash(string url) => new(url.EndsWith('/') ? url : url + "/");
}
