using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Provisioning.KooGallery;

namespace Provisioning.Testing;

/// <summary>Plays the marketplace for V2: signs bodies as KooGallery does and checks every answer's HTTP status and Body-Sign.</summary>
public sealed class V2Client(HttpClient http, string accessKey = GatewayFactory.AccessKey, string path = "/koogallery")
{
    /// <summary>A compact JSON body with its keys in ascending order, as the marketplace sends it.</summary>
    public static byte[] Body(string activity, params (string Name, object? Value)[] fields)
    {
        var json = new JsonObject();
        foreach (var (name, value) in fields.Append(("activity", activity)).OrderBy(f => f.Item1, StringComparer.Ordinal))
        {
            json[name] = JsonSerializer.SerializeToNode(value);
        }

        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    public static string NewNonce() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString();

    /// <summary>Sends a correctly signed call.</summary>
    public Task<SignedAnswer> Call(string activity, params (string Name, object? Value)[] fields) => Send(Body(activity, fields));

    /// <summary>Sends a body signed with a fresh nonce and the current time, unless given.</summary>
    public Task<SignedAnswer> Send(byte[] body, string? nonce = null, string? timestamp = null)
    {
        nonce ??= NewNonce();
        timestamp ??= Now();
        return SendSigned(body, V2Signature.Compute(body, accessKey, nonce, timestamp), nonce, timestamp);
    }

    /// <summary>Sends a body with exactly the given authentication parameters (null leaves one out).</summary>
    public async Task<SignedAnswer> SendSigned(byte[] body, string? signature, string? nonce, string? timestamp)
    {
        var query = string.Join("&", new[] { ("signature", signature), ("timestamp", timestamp), ("nonce", nonce) }
            .Where(p => p.Item2 is not null)
            .Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json;charset=utf8");
        using var response = await http.PostAsync($"{path}?{query}", content);
        return await SignedAnswer.ReadAsync(response, accessKey);
    }
}
