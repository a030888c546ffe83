using System.Diagnostics;
using System.Text.Json;
using Provisioning.KooGallery;

namespace Provisioning.Marketplace.Callbacks;

/// <summary>Sends one request (disposing it) and reads the answer the way the marketplace checks it, timing the exchange.</summary>
internal static class AnswerReader
{
    /// <summary>Exchanges one call; the answer's Body-Sign is verified with <paramref name="key"/>, or not judged when the protocol has none (null).</summary>
    public static async Task<MarketplaceAnswer> ExchangeAsync(HttpClient http, HttpRequestMessage request, string? key, CancellationToken cancellationToken)
    {
        using var sent = request;
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(sent, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        clock.Stop();

        bool? signed = key is null ? null
            : response.Headers.TryGetValues(BodySign.HeaderName, out var signs) && signs.Count() == 1 && BodySign.Verify(signs.Single(), body, key);
        return new MarketplaceAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, signed, Parse(body), clock.Elapsed);
    }

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
