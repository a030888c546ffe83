using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Provisioning.KooGallery.OpenApi;

/// <summary>
/// Huawei API Gateway AK/SK signing, <c>SDK-HMAC-SHA256</c> (license §B.4.1, kit §C.2), for the marketplace Open API.
/// The static members are the pure steps; an instance holds one AK/SK pair and signs requests with them.
/// The secret key is never part of a header, a message or <see cref="object.ToString"/>.
/// </summary>
public sealed class ApiGatewaySigner(string accessKeyId, string secretKey)
{
    /// <summary>The algorithm name that starts the string to sign and the Authorization header.</summary>
    public const string Algorithm = "SDK-HMAC-SHA256";

    /// <summary>The request time header, signed as <c>x-sdk-date</c>.</summary>
    public const string DateHeader = "X-Sdk-Date";

    /// <summary>The format of <see cref="DateHeader"/>: UTC, e.g. <c>20240317T144237Z</c>.</summary>
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    private const string AuthorizationHeader = "Authorization";

    private readonly string _accessKeyId = NotEmpty(accessKeyId, nameof(accessKeyId));
    private readonly string _secretKey = NotEmpty(secretKey, nameof(secretKey));

    /// <summary>
    /// Signs the request as it will be sent at <paramref name="now"/>: replaces <c>X-Sdk-Date</c> and <c>Authorization</c>,
    /// and signs <c>host</c> (the Host header, else the URI's), <c>x-sdk-date</c>, <c>content-type</c> when there is
    /// content, and every <c>X-</c> header, over the exact content bytes (which are buffered).
    /// </summary>
    /// <exception cref="ArgumentException">The request has no absolute URI.</exception>
    public async Task SignAsync(HttpRequestMessage request, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is not { IsAbsoluteUri: true } uri)
        {
            throw new ArgumentException("The request to sign has no absolute URI.", nameof(request));
        }

        var date = FormatDate(now);
        request.Headers.Remove(DateHeader);
        request.Headers.Remove(AuthorizationHeader);
        request.Headers.TryAddWithoutValidation(DateHeader, date);

        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        var headers = HeadersToSign(request, uri);
        var canonical = CanonicalRequest(request.Method.Method, uri, headers, body);
        var signature = Signature(StringToSign(canonical, date), _secretKey);
        request.Headers.Authorization = new AuthenticationHeaderValue(Algorithm,
            $"Access={_accessKeyId}, SignedHeaders={SignedHeaderNames(headers)}, Signature={signature}");
    }

    /// <summary><paramref name="time"/> in the <c>X-Sdk-Date</c> form, in UTC.</summary>
    public static string FormatDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// The canonical request: method, canonical URI (always ending in <c>/</c>), canonical query, one
    /// <c>name:value</c> line per signed header, the signed header names, and lowercase hex SHA-256 of the body,
    /// joined by <c>\n</c>. Header names are lowercased and values trimmed; the caller chooses which headers to sign.
    /// </summary>
    /// <exception cref="ArgumentException">The URI is relative, or a header name repeats.</exception>
    public static string CanonicalRequest(string method, Uri uri, IEnumerable<KeyValuePair<string, string>> signedHeaders, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(signedHeaders);
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException("The URI to sign must be absolute.", nameof(uri));
        }

        var headers = Normalize(signedHeaders);
        var text = new StringBuilder()
            .Append(method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalUri(uri)).Append('\n')
            .Append(CanonicalQuery(uri)).Append('\n');
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(':').Append(value).Append('\n');
        }

        return text.Append('\n')
            .Append(SignedHeaderNames(headers)).Append('\n')
            .Append(Convert.ToHexStringLower(SHA256.HashData(body)))
            .ToString();
    }

    /// <summary>The algorithm, the <c>X-Sdk-Date</c> value and lowercase hex SHA-256 of the canonical request, one per line.</summary>
    public static string StringToSign(string canonicalRequest, string sdkDate)
    {
        ArgumentNullException.ThrowIfNull(canonicalRequest);
        ArgumentException.ThrowIfNullOrEmpty(sdkDate);
        return $"{Algorithm}\n{sdkDate}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
    }

    /// <summary>Lowercase hex HMAC-SHA256 of the string to sign, keyed with the UTF-8 secret key.</summary>
    public static string Signature(string stringToSign, string secretKey)
    {
        ArgumentNullException.ThrowIfNull(stringToSign);
        ArgumentNullException.ThrowIfNull(secretKey);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secretKey), Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>
    /// True when <paramref name="headers"/> carry an <c>Authorization</c> of this algorithm for this access key whose
    /// signature matches the request. The signed headers must include <c>host</c> (taken from the URI when no Host header
    /// is given) and <c>x-sdk-date</c>. Header names are matched case-insensitively. The date's freshness is not checked.
    /// </summary>
    public static bool Verify(string method, Uri uri, IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body, string accessKeyId, string secretKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(accessKeyId);
        ArgumentNullException.ThrowIfNull(secretKey);
        if (!uri.IsAbsoluteUri)
        {
            return false;
        }

        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            byName.TryAdd(name, value);
        }

        byName.TryAdd("host", HostOf(uri));
        if (!byName.TryGetValue(AuthorizationHeader, out var authorization)
            || !AuthorizationValue.TryParse(authorization, out var access, out var names, out var signature)
            || access != accessKeyId
            || !byName.TryGetValue(DateHeader, out var date))
        {
            return false;
        }

        var signed = new List<KeyValuePair<string, string>>(names.Length);
        foreach (var name in names)
        {
            if (!byName.TryGetValue(name, out var value))
            {
                return false;
            }

            signed.Add(new(name, value));
        }

        var expected = Signature(StringToSign(CanonicalRequest(method, uri, signed, body), date), secretKey);
        return ConstantTime.TextEquals(expected, signature);
    }

    private static List<KeyValuePair<string, string>> HeadersToSign(HttpRequestMessage request, Uri uri)
    {
        var headers = new List<KeyValuePair<string, string>> { new("host", request.Headers.Host ?? HostOf(uri)) };
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers.Add(new("content-type", contentType.ToString()));
        }

        var extensions = request.Headers.NonValidated.Concat(request.Content?.Headers.NonValidated ?? []);
        foreach (var (name, values) in extensions)
        {
            if (name.StartsWith("x-", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(new(name, values.ToString()));
            }
        }

        return headers;
    }

    // What the handler sends as Host: the IDN host, with the port only when it is not the scheme's default.
    private static string HostOf(Uri uri) => uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}";

    private static List<KeyValuePair<string, string>> Normalize(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var normalized = headers
            .Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), h.Value.Trim()))
            .OrderBy(h => h.Key, StringComparer.Ordinal)
            .ToList();
        for (var i = 1; i < normalized.Count; i++)
        {
            if (normalized[i].Key == normalized[i - 1].Key)
            {
                throw new ArgumentException($"The header '{normalized[i].Key}' is signed twice.", "signedHeaders");
            }
        }

        return normalized;
    }

    private static string SignedHeaderNames(IEnumerable<KeyValuePair<string, string>> headers) =>
        string.Join(';', headers.Select(h => h.Key.ToLowerInvariant()).Order(StringComparer.Ordinal));

    // Each path segment decoded and re-encoded per RFC 3986, so equivalent escapings sign alike.
    private static string CanonicalUri(Uri uri)
    {
        var path = string.Join('/', uri.AbsolutePath.Split('/').Select(s => Uri.EscapeDataString(Uri.UnescapeDataString(s))));
        return path.EndsWith('/') ? path : path + "/";
    }

    // As the official SDK does: pairs with an empty name are dropped, names and values are decoded and sorted
    // ordinally (by name, then a repeated name's values), and only then encoded.
    private static string CanonicalQuery(Uri uri) =>
        string.Join('&', QueryParameters(uri)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));

    private static IEnumerable<(string Name, string Value)> QueryParameters(Uri uri) =>
        (uri.Query.Length > 0 ? uri.Query[1..] : "")
            .Split('&')
            .Select(pair => pair.Split('=', 2))
            .Where(kv => kv[0].Length > 0)
            .Select(kv => (Uri.UnescapeDataString(kv[0]), kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : ""));

    private static string NotEmpty(string value, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, name);
        return value;
    }
}
