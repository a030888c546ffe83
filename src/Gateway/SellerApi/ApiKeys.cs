using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Provisioning.Gateway.SellerApi;

/// <summary>Who is calling the seller API: nobody, a reader, or the admin. Keys are compared in constant time.</summary>
internal sealed class ApiKeys(IOptions<SellerApiOptions> options)
{
    public const string HeaderName = "X-Api-Key";

    public bool IsReader(HttpContext http) => Matches(http, options.Value.Key) || IsAdmin(http);

    public bool IsUsageReporter(HttpContext http) => Matches(http, options.Value.UsageKey) || IsAdmin(http);

    public bool IsAdmin(HttpContext http) => Matches(http, options.Value.AdminKey);

    private static bool Matches(HttpContext http, string? expected) =>
        !string.IsNullOrEmpty(expected)
        && http.Request.Headers[HeaderName].FirstOrDefault() is { } given
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
