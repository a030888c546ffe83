using System.Net;
using System.Text.Json;
using Provisioning.KooGallery;

namespace Provisioning.Marketplace.Callbacks;

/// <summary>
/// What the gateway answered to one call, and whether the answer passes the marketplace's own checks:
/// HTTP 200, a JSON content type, a Body-Sign over exactly the received bytes (where the protocol has one), and a resultCode.
/// </summary>
public sealed class MarketplaceAnswer
{
    private const string JsonMediaType = "application/json";

    private readonly IReadOnlyList<string> _bodySigns;

    internal MarketplaceAnswer(HttpStatusCode status, string? mediaType, IReadOnlyList<string> bodySigns, byte[] body, string? key, TimeSpan elapsed)
    {
        Status = status;
        MediaType = mediaType;
        _bodySigns = bodySigns;
        Body = body;
        BodySignVerified = key is null ? null : SignedWith(key);
        Json = Parse(body);
        Elapsed = elapsed;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The media type of the answer's Content-Type header, if any.</summary>
    public string? MediaType { get; }

    /// <summary>Whether the Body-Sign header verifies against the answer's bytes with the expected key; null when the protocol has no Body-Sign.</summary>
    public bool? BodySignVerified { get; }

    /// <summary>Whether the answer carries a Body-Sign header at all.</summary>
    public bool HasBodySign => _bodySigns.Count > 0;

    /// <summary>The exact bytes received.</summary>
    public byte[] Body { get; }

    /// <summary>The parsed body, or null when it is not a JSON object.</summary>
    public JsonElement? Json { get; }

    /// <summary>How long the call took, from sending the request to reading the whole answer.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The answer's resultCode, or null when there is none.</summary>
    public string? ResultCode => Text("resultCode");

    /// <summary>The answer's resultMsg, or null when there is none.</summary>
    public string? ResultMsg => Text("resultMsg");

    /// <summary>The first reason the marketplace would reject this answer outright, or null when it is well-formed.</summary>
    public string? Problem =>
        Status != HttpStatusCode.OK ? $"HTTP {(int)Status}"
        : MediaType != JsonMediaType ? $"Content-Type is {MediaType ?? "missing"}"
        : BodySignVerified == false ? "Body-Sign does not verify"
        : ResultCode is null ? "the body has no resultCode"
        : null;

    /// <summary>Whether exactly one Body-Sign header came and it verifies against the answer's bytes with <paramref name="key"/>.</summary>
    public bool SignedWith(string key) => _bodySigns.Count == 1 && BodySign.Verify(_bodySigns[0], Body, key);

    /// <summary>A top-level string field, or null when it is absent or not a string.</summary>
    public string? Text(string name) =>
        Json is { } json && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>A top-level field of any kind, or null when it is absent.</summary>
    public JsonElement? Element(string name) =>
        Json is { } json && json.TryGetProperty(name, out var value) ? value : null;

    /// <summary>The first element of the <c>info</c> array of a queryInstance answer, or null when there is none.</summary>
    public JsonElement? FirstInfo =>
        Element("info") is { ValueKind: JsonValueKind.Array } info && info.GetArrayLength() > 0 ? info[0] : null;

    private static JsonElement? Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
