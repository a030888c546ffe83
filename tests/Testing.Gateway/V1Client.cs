using Provisioning.KooGallery;

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
        return await SignedAnswer.ReadAsync(response, key);
    }
}
