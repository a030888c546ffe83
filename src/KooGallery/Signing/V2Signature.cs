using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Provisioning.KooGallery;

/// <summary>
/// The V2 request signature (spec §3.4): uppercase hex of HMAC-SHA256, keyed with the accessKey, over
/// accessKey + nonce + timestamp + lowercase hex of HMAC-SHA256 of the raw body bytes.
/// </summary>
public static class V2Signature
{
    /// <summary>The query parameter carrying the signature.</summary>
    public const string SignatureParameter = "signature";

    /// <summary>The query parameter carrying the Unix time of the call, in milliseconds or seconds.</summary>
    public const string TimestampParameter = "timestamp";

    /// <summary>The query parameter carrying the per-call random string.</summary>
    public const string NonceParameter = "nonce";

    private const int HexLength = 64;

    // 10^11 seconds is the year 5138, while 10^11 milliseconds is March 1973: larger values can only be milliseconds.
    private const long LargestSeconds = 100_000_000_000;

    /// <summary>The signature of these exact body bytes; <paramref name="timestamp"/> is the query value as received.</summary>
    public static string Compute(ReadOnlySpan<byte> body, string accessKey, string nonce, string timestamp) =>
        Sign(accessKey, CanonicalRequest(accessKey, nonce, timestamp, BodyHash(body, accessKey)));

    /// <summary>
    /// Fallback variant (a) of §3.4, for first contact with the debug console only: the inner hash is plain
    /// SHA-256 of the body instead of its HMAC.
    /// </summary>
    public static string ComputeWithPlainBodyHash(ReadOnlySpan<byte> body, string accessKey, string nonce, string timestamp) =>
        Sign(accessKey, CanonicalRequest(accessKey, nonce, timestamp, Convert.ToHexStringLower(SHA256.HashData(body))));

    /// <summary>
    /// True when <paramref name="signature"/> is 64 hex digits, in either case, equal to <see cref="Compute"/>.
    /// The timestamp's freshness is checked separately (<see cref="TryParseTimestamp"/>).
    /// </summary>
    public static bool Verify(string? signature, ReadOnlySpan<byte> body, string accessKey, string nonce, string timestamp) =>
        IsHex(signature) && ConstantTime.TextEquals(Compute(body, accessKey, nonce, timestamp), signature.ToUpperInvariant());

    /// <summary>As <see cref="Verify"/>, against fallback variant (a) (<see cref="ComputeWithPlainBodyHash"/>).</summary>
    public static bool VerifyWithPlainBodyHash(string? signature, ReadOnlySpan<byte> body, string accessKey, string nonce, string timestamp) =>
        IsHex(signature) && ConstantTime.TextEquals(ComputeWithPlainBodyHash(body, accessKey, nonce, timestamp), signature.ToUpperInvariant());

    /// <summary>
    /// Reads the timestamp parameter: ASCII digits only, milliseconds when above 10^11, otherwise seconds (spec Q2).
    /// False for null, empty, signs, blanks, other characters, and values beyond year 9999.
    /// </summary>
    public static bool TryParseTimestamp(string? value, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrEmpty(value) || !value.All(char.IsAsciiDigit)
            || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        var milliseconds = number > LargestSeconds ? number : number * 1000;
        if (milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }

        time = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return true;
    }

    /// <summary>Step 2: lowercase hex of HMAC-SHA256 of the body bytes.</summary>
    internal static string BodyHash(ReadOnlySpan<byte> body, string accessKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Key(accessKey), body));

    /// <summary>Step 3: plain concatenation, no separators.</summary>
    internal static string CanonicalRequest(string accessKey, string nonce, string timestamp, string bodyHash)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(timestamp);
        return accessKey + nonce + timestamp + bodyHash;
    }

    private static string Sign(string accessKey, string canonicalRequest) =>
        Convert.ToHexString(HMACSHA256.HashData(Key(accessKey), Encoding.UTF8.GetBytes(canonicalRequest)));

    private static byte[] Key(string accessKey)
    {
        ArgumentNullException.ThrowIfNull(accessKey);
        return Encoding.UTF8.GetBytes(accessKey);
    }

    private static bool IsHex([NotNullWhen(true)] string? signature) =>
        signature is { Length: HexLength } && signature.All(char.IsAsciiHexDigit);
}
