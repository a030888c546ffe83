using System.Security.Cryptography;
using System.Text;

namespace Provisioning.KooGallery;

/// <summary>
/// The V1 request token (spec §3.2): Base64 of HMAC-SHA256 over the sorted query parameters,
/// keyed with the seller Key followed by the request's own timeStamp.
/// </summary>
public static class AuthToken
{
    /// <summary>The query parameter carrying the token.</summary>
    public const string ParameterName = "authToken";

    /// <summary>The query parameter whose value is appended to the Key to form the HMAC key.</summary>
    public const string TimeStampParameter = "timeStamp";

    /// <summary>
    /// The string to sign: every parameter except authToken, ordinal order of names,
    /// <c>name=value</c> joined by <c>&amp;</c>. Values are used as given (already URL-decoded);
    /// if a name repeats, its first value counts.
    /// </summary>
    public static string CanonicalString(IEnumerable<KeyValuePair<string, string>> parameters) =>
        Canonicalize(Sort(parameters));

    /// <summary>The token for these parameters, which must include timeStamp.</summary>
    /// <exception cref="ArgumentException">The parameters carry no timeStamp.</exception>
    public static string Compute(IEnumerable<KeyValuePair<string, string>> parameters, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var sorted = Sort(parameters);
        if (!sorted.TryGetValue(TimeStampParameter, out var timeStamp))
        {
            throw new ArgumentException($"The parameters carry no {TimeStampParameter}.", nameof(parameters));
        }

        return Sign(Canonicalize(sorted), key, timeStamp);
    }

    /// <summary>
    /// True when the request's authToken matches. False when authToken or timeStamp is missing.
    /// The timeStamp's freshness is not checked (the V1 interface defines no window).
    /// </summary>
    public static bool Verify(IReadOnlyDictionary<string, string> parameters, string key)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(key);
        if (!parameters.TryGetValue(ParameterName, out var received)
            || !parameters.TryGetValue(TimeStampParameter, out var timeStamp))
        {
            return false;
        }

        // A '+' the marketplace left unencoded arrives as a space after URL-decoding.
        received = received.Replace(' ', '+');
        var expected = Sign(CanonicalString(parameters), key, timeStamp);
        return ConstantTime.TextEquals(expected, received);
    }

    private static SortedDictionary<string, string> Sort(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            if (name != ParameterName)
            {
                sorted.TryAdd(name, value);
            }
        }

        return sorted;
    }

    private static string Canonicalize(SortedDictionary<string, string> sorted) =>
        string.Join('&', sorted.Select(p => p.Key + "=" + p.Value));

    private static string Sign(string canonical, string key, string timeStamp) =>
        Convert.ToBase64String(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(key + timeStamp), Encoding.UTF8.GetBytes(canonical)));
}
