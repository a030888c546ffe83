using System.Net;
using System.Text.Json;
using Provisioning.KooGallery;
using Xunit;

namespace Provisioning.Testing;

/// <summary>A verified answer (V1 or V2): its exact bytes and its JSON.</summary>
public sealed record SignedAnswer(byte[] Body, JsonElement Json)
{
    public string ResultCode => Json.GetProperty("resultCode").GetString()!;

    public string ResultMsg => Json.GetProperty("resultMsg").GetString()!;

    public string? this[string name] => Json.TryGetProperty(name, out var value) ? value.ToString() : null;

    /// <summary>Reads an answer the way the marketplace checks it: HTTP 200, JSON, and a Body-Sign over exactly its bytes.</summary>
    public static async Task<SignedAnswer> ReadAsync(HttpResponseMessage response, string key)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.TryGetValues(BodySign.HeaderName, out var signs), "the answer has no Body-Sign header");
        Assert.True(BodySign.Verify(signs.Single(), body, key), "the answer's Body-Sign does not match its bytes");
        return new SignedAnswer(body, JsonDocument.Parse(body).RootElement.Clone());
    }
}
