using System.Security.Cryptography;
using Provisioning.KooGallery;

namespace Provisioning.Marketplace.Callbacks;

/// <summary>
/// Plays the marketplace's V2 production interface: POST calls with a compact JSON body, signed with the
/// V2 access key over a nonce and a timestamp; answers are verified with the same access key.
/// </summary>
public sealed class V2Marketplace(HttpClient http, string accessKey, string basePath)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private const int MaxPolls = 20;

    /// <summary>A compact JSON body with its keys in ascending order, as the marketplace sends it.</summary>
    public static byte[] Body(string activity, params (string Name, object? Value)[] fields) =>
        SortedJson.Serialize(fields.Append(("activity", activity)));

    /// <summary>A fresh nonce, as the marketplace makes one per call.</summary>
    public static string NewNonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>A V2 timestamp (Unix milliseconds) for <paramref name="at"/>, now unless given.</summary>
    public static string Now(DateTimeOffset? at = null) => (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds().ToString();

    /// <summary>Signs a body with a fresh nonce, at <paramref name="at"/> (now unless given), with <paramref name="signingKey"/> (the access key unless given).</summary>
    public V2Request Sign(byte[] body, DateTimeOffset? at = null, string? signingKey = null) => Sign(body, NewNonce(), Now(at), signingKey);

    /// <summary>Signs a body over exactly this nonce and timestamp, as a replayed or stale call carries them.</summary>
    public V2Request Sign(byte[] body, string nonce, string timestamp, string? signingKey = null) =>
        new(body, V2Signature.Compute(body, signingKey ?? accessKey, nonce, timestamp), nonce, timestamp);

    /// <summary>Sends a correctly signed call.</summary>
    public Task<MarketplaceAnswer> Call(string activity, params (string Name, object? Value)[] fields) =>
        Send(Sign(Body(activity, fields)));

    /// <summary>Calls queryInstance again while the instance is still being provisioned (000004), as the marketplace polls.</summary>
    public async Task<MarketplaceAnswer> PollUntilOpen(params (string Name, object? Value)[] fields)
    {
        var answer = await Call("queryInstance", fields);
        for (var poll = 1; poll < MaxPolls && answer.ResultCode == ResultCodes.InProgress; poll++)
        {
            await Task.Delay(PollInterval);
            answer = await Call("queryInstance", fields);
        }

        return answer;
    }

    /// <summary>Sends exactly this request, its body at once or trickled at <paramref name="pace"/>.</summary>
    public Task<MarketplaceAnswer> Send(V2Request call, BodyPace? pace = null)
    {
        var query = string.Join('&', new[]
            {
                (V2Signature.SignatureParameter, call.Signature), (V2Signature.TimestampParameter, call.Timestamp), (V2Signature.NonceParameter, call.Nonce),
            }
            .Where(p => p.Item2 is not null)
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        var request = new HttpRequestMessage(HttpMethod.Post, $"{basePath}?{query}") { Content = BodyContent.Of(call.Body, "application/json;charset=utf8", pace) };
        request.Headers.Accept.ParseAdd("application/json");
        return AnswerReader.ExchangeAsync(http, request, accessKey, CancellationToken.None);
    }
}
