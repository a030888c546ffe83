using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Provisioning.KooGallery.Kit;

namespace Provisioning.Marketplace.Callbacks;

/// <summary>
/// Plays the marketplace's joint-operation Kit syncs of one generation: POST <c>{basePath}/produceAPI[/v2]/{sync}</c> with a JSON
/// body. V1 signs with the seller Key in the <c>authToken</c> header and its answers carry a Body-Sign; V2 signs with the Kit
/// access key in <c>x-sign</c>/<c>x-timestamp</c>/<c>x-nonce</c> and its answers have no Body-Sign to check.
/// </summary>
public sealed class KitMarketplace(HttpClient http, KitGeneration generation, string key, string basePath)
{
    /// <summary>The protocol generation played.</summary>
    public KitGeneration Generation => generation;

    /// <summary>The body's <c>timeStamp</c> (and <c>currentSyncTime</c>) form: GMT+8, <c>yyyyMMddHHmmssSSS</c>.</summary>
    public static string Stamp(DateTimeOffset? at = null) => KitTime.Format(at ?? DateTimeOffset.UtcNow);

    /// <summary>Signs a body: V1 over its fields with <paramref name="signingKey"/>, V2 with a fresh nonce at <paramref name="at"/>; the shared key unless given.</summary>
    public KitRequest Sign(byte[] body, DateTimeOffset? at = null, string? signingKey = null)
    {
        var signer = signingKey ?? key;
        if (generation == KitGeneration.V1)
        {
            using var json = JsonDocument.Parse(body);
            return new KitRequest(body, [new(KitAuthToken.HeaderName, KitAuthToken.Compute(json.RootElement, signer))]);
        }

        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds().ToString();
        return new KitRequest(body,
        [
            new(KitSignature.SignHeader, KitSignature.Compute(Encoding.UTF8.GetString(body), signer, nonce, timestamp)),
            new(KitSignature.TimestampHeader, timestamp),
            new(KitSignature.NonceHeader, nonce),
        ]);
    }

    /// <summary>Sends a correctly signed sync whose body holds these fields.</summary>
    public Task<MarketplaceAnswer> Call(string sync, params (string Name, object? Value)[] fields) =>
        Send(sync, Sign(SortedJson.Serialize(fields)));

    /// <summary>
    /// Sends exactly this request, its body at once or trickled at <paramref name="pace"/>; <paramref name="alter"/> changes the request
    /// on its way, as an attacker in transit would.
    /// </summary>
    public Task<MarketplaceAnswer> Send(string sync, KitRequest call, BodyPace? pace = null, Action<HttpRequestMessage>? alter = null)
    {
        var path = generation == KitGeneration.V1 ? $"{basePath}/produceAPI/{sync}" : $"{basePath}/produceAPI/v2/{sync}";
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = BodyContent.Of(call.Body, "application/json", pace) };
        foreach (var (name, value) in call.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        alter?.Invoke(request);
        return AnswerReader.ExchangeAsync(http, request, generation == KitGeneration.V1 ? key : null, CancellationToken.None);
    }
}
