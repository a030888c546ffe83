using Microsoft.Extensions.Options;

namespace Provisioning.KooGallery.OpenApi;

/// <summary>
/// Checks the hosts, timeout and retries when the client is first used. The AK/SK are checked only when a call is
/// signed, so a seller who never calls the Open API needs none.
/// </summary>
internal sealed class OpenApiOptionsValidation : IValidateOptions<OpenApiOptions>
{
    private static readonly TimeSpan ShortestTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, OpenApiOptions options)
    {
        var failures = new List<string>();
        if (!IsHttpUrl(options.BaseUrl))
        {
            failures.Add($"{OpenApiOptions.SectionName}:{nameof(options.BaseUrl)} '{options.BaseUrl}' is not an absolute http(s) URL.");
        }

        if (!string.IsNullOrWhiteSpace(options.FallbackBaseUrl) && !IsHttpUrl(options.FallbackBaseUrl))
        {
            failures.Add($"{OpenApiOptions.SectionName}:{nameof(options.FallbackBaseUrl)} '{options.FallbackBaseUrl}' is not an absolute http(s) URL.");
        }

        if (options.Timeout < ShortestTimeout || options.Timeout > LongestWait)
        {
            failures.Add($"{OpenApiOptions.SectionName}:{nameof(options.Timeout)} {options.Timeout} is not between {ShortestTimeout} and {LongestWait}.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{OpenApiOptions.SectionName}:{nameof(options.MaxRetries)} {options.MaxRetries} is not between 0 and 10.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > LongestWait)
        {
            failures.Add($"{OpenApiOptions.SectionName}:{nameof(options.RetryDelay)} {options.RetryDelay} is not between 0 and {LongestWait}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
