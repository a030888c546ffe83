using System.Diagnostics;
using Provisioning.KooGallery;

namespace Provisioning.Marketplace.Callbacks;

/// <summary>Sends one request (disposing it) and reads the answer the way the marketplace checks it, timing the exchange.</summary>
public static class AnswerReader
{
    /// <summary>Exchanges one call; the answer's Body-Sign is verified with <paramref name="key"/>, or not judged when the protocol has none (null).</summary>
    internal static async Task<MarketplaceAnswer> ExchangeAsync(HttpClient http, HttpRequestMessage request, string? key, CancellationToken cancellationToken)
    {
        using var sent = request;
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(sent, cancellationToken);
        return await ReadAsync(response, key, clock, cancellationToken);
    }

    /// <summary>Reads an answer already received; its Body-Sign is judged with <paramref name="key"/> unless null.</summary>
    public static Task<MarketplaceAnswer> ReadAsync(HttpResponseMessage response, string? key, CancellationToken cancellationToken = default) =>
        ReadAsync(response, key, Stopwatch.StartNew(), cancellationToken);

    private static async Task<MarketplaceAnswer> ReadAsync(HttpResponseMessage response, string? key, Stopwatch clock, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        clock.Stop();
        var signs = response.Headers.TryGetValues(BodySign.HeaderName, out var values) ? values.ToArray() : [];
        return new MarketplaceAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, signs, body, key, clock.Elapsed);
    }
}
