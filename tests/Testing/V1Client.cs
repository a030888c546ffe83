using System.Net;
using System.Text.Json;
using Provisioning.KooGallery;
using Xunit;

namespace Provisioning.Testing;

/// <summary>Plays the marketplace: signs V1 calls as KooGallery does and checks every answer's HTTP status and Body-Sign.</summary>
public sealed class V1Client(HttpClient http, string key = GatewayFactory.Key, string path = "/koogallery")
{
    public static string Now() => KooGalleryTime.FormatMillis(DateTimeOffset.UtcNow);

    /// <summary>Sends a correctly signed call.</summary>
    public Task<SignedAnswer> Call(string activity, params (string Name, string Value)[] parameters) =>
        Send(Sign(activity, parameters));

    /// <summary>The parameters of a signed call, with timeStamp and authToken added, for tests that tamper with them.</summary>
    public Dictionary<string, string> Sign(string activity, (string Name, string Value)[] parameters, string? timeStamp = null)
    {
        var all = parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        all["activity"] = activity;
        all["timeStamp"] = timeStamp ?? Now();
        all["authToken"] = AuthToken.Compute(all, key);
        return all;
    }

    public async Task<SignedAnswer> Send(IReadOnlyDictionary<string, string> parameters)
    {
        var query = string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        using var response = await http.GetAsync($"{path}?{query}");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.TryGetValues(BodySign.HeaderName, out var signs), "the answer has no Body-Sign header");
        Assert.True(BodySign.Verify(signs.Single(), body, key), "the answer's Body-Sign does not match its bytes");
        return new SignedAnswer(body, JsonDocument.Parse(body).RootElement.Clone());
    }
}
