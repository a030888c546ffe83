using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Provisioning.Gateway.SellerApi;

/// <summary>Which keys the caller of the seller API holds. Keys are compared in constant time.</summary>
internal sealed class ApiKeys(IOptions<SellerApiOptions> options)
{
    public const string HeaderName = "X-Api-Key";

    public bool Holds(HttpContext http, SellerKey key) => IsAdmin(http) || key switch
    {
        SellerKey.Read => Matches(http, options.Value.Key),
        SellerKey.Usage => Matches(http, options.Value.UsageKey),
        SellerKey.License => Matches(http, options.Value.LicenseKey),
        _ => false,
    };

    public bool IsAdmin(HttpContext http) => Matches(http, options.Value.AdminKey);

    /// <summary>True when <paramref name="given"/> is the configured key <paramref name="expected"/> (compared in constant time).</summary>
    public static bool Same(string? given, string? expected) =>
        !string.IsNullOrEmpty(expected) && given is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static bool Matches(HttpContext http, string? expected) => Same(http.Request.Headers[HeaderName].FirstOrDefault(), expected);
}
