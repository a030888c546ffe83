using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Provisioning.KooGallery.Kit;

namespace Provisioning.Testing;

/// <summary>Plays the marketplace for the joint-operation Kit syncs of one generation, signing as KooGallery does.</summary>
public sealed class KitClient(HttpClient http, KitGeneration generation, string path = "/koogallery/produceAPI")
{
    private string Key => generation == KitGeneration.V1 ? GatewayFactory.Key : GatewayFactory.KitAccessKey;

    /// <summary>The GMT+8 stamp Kit bodies carry.</summary>
    public static string Stamp(DateTimeOffset? at = null) => KitTime.Format(at ?? DateTimeOffset.UtcNow);

    /// <summary>Encrypts a client secret the way KooGallery does, with the seller's public key.</summary>
    public static string EncryptSecret(string secret) =>
        Convert.ToBase64String(GatewayFactory.KitKey.Encrypt(Encoding.UTF8.GetBytes(secret), RSAEncryptionPadding.OaepSHA1));

    /// <summary>Sends a body (compact JSON of the given object) correctly signed.</summary>
    public Task<SignedAnswer> Sync(string sync, object body) => Send(sync, JsonSerializer.SerializeToUtf8Bytes(body));

    public async Task<SignedAnswer> Send(string sync, byte[] body, Action<HttpRequestMessage>? tamper = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, generation == KitGeneration.V1 ? $"{path}/{sync}" : $"{path}/v2/{sync}")
        {
            Content = new ByteArrayContent(body) { Headers = { { "Content-Type", "application/json" } } },
        };
        if (generation == KitGeneration.V1)
        {
            using var json = JsonDocument.Parse(body);
            request.Headers.Add(KitAuthToken.HeaderName, KitAuthToken.Compute(json.RootElement, Key));
        }
        else
        {
            var (nonce, timestamp) = (V2Client.NewNonce(), V2Client.Now());
            request.Headers.Add(KitSignature.SignHeader, KitSignature.Compute(Encoding.UTF8.GetString(body), Key, nonce, timestamp));
            request.Headers.Add(KitSignature.TimestampHeader, timestamp);
            request.Headers.Add(KitSignature.NonceHeader, nonce);
        }

        tamper?.Invoke(request);
        using var response = await http.SendAsync(request);
        return await SignedAnswer.ReadAsync(response, Key);
    }
}
