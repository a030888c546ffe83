using System.Net;
using System.Text.Json;
using Provisioning.Marketplace.Callbacks;
using Xunit;

namespace Provisioning.Testing;

/// <summary>A verified answer (V1, V2 or Kit): its exact bytes and its JSON.</summary>
public sealed record SignedAnswer(byte[] Body, JsonElement Json)
{
    public string ResultCode => Json.GetProperty("resultCode").GetString()!;

    public string ResultMsg => Json.GetProperty("resultMsg").GetString()!;

    public string? this[string name] => Json.TryGetProperty(name, out var value) ? value.ToString() : null;

    /// <summary>Reads an answer the way the marketplace checks it: HTTP 200, JSON, and a Body-Sign over exactly its bytes.</summary>
    public static async Task<SignedAnswer> ReadAsync(HttpResponseMessage response, string key) => Of(await AnswerReader.ReadAsync(response, key), key);

    /// <summary>Asserts what the marketplace checks of an answer it received: HTTP 200, JSON, and a Body-Sign with <paramref name="key"/> over exactly its bytes.</summary>
    public static SignedAnswer Of(MarketplaceAnswer answer, string key)
    {
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/json", answer.MediaType);
        Assert.True(answer.HasBodySign, "the answer has no Body-Sign header");
        Assert.True(answer.SignedWith(key), "the answer's Body-Sign does not match its bytes");
        return new SignedAnswer(answer.Body, JsonDocument.Parse(answer.Body).RootElement.Clone());
    }
}
