namespace Provisioning.Gateway.Hosting;

/// <summary>
/// Kestrel refuses request lines over 8 KiB with a bare 414, which the marketplace counts as a failed call.
/// Up to these limits an oversized V1 query reaches our validation and gets a signed 000002 naming the parameter.
/// </summary>
internal static class RequestLimits
{
    public const int MaxRequestLineBytes = 64 * 1024;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestLineBytes + (32 * 1024);
        });
        return builder;
    }
}
