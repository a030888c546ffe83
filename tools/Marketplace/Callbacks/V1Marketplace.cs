using Provisioning.KooGallery;

namespace Provisioning.Marketplace.Callbacks;

/// <summary>
/// Plays the marketplace's V1 production interface: GET calls whose parameters carry a timeStamp and an
/// authToken computed with the seller Key; answers are verified with the same Key.
/// </summary>
public sealed class V1Marketplace(HttpClient http, string key, string basePath)
{
    /// <summary>A V1 timeStamp for now.</summary>
    public static string Now() => KooGalleryTime.FormatMillis(DateTimeOffset.UtcNow);

    /// <summary>The parameters of a call signed with <paramref name="signingKey"/> (the seller Key unless given), stamped now unless <paramref name="timeStamp"/> is given.</summary>
    public Dictionary<string, string> Sign(string activity, IEnumerable<(string Name, string Value)> parameters, string? signingKey = null, string? timeStamp = null)
    {
        var all = parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        all["activity"] = activity;
        all[AuthToken.TimeStampParameter] = timeStamp ?? Now();
        all[AuthToken.ParameterName] = AuthToken.Compute(all, signingKey ?? key);
        return all;
    }

    /// <summary>Sends a correctly signed call.</summary>
    public Task<MarketplaceAnswer> Call(string activity, params (string Name, string Value)[] parameters) =>
        Send(Sign(activity, parameters));

    /// <summary>Sends exactly these parameters, URL-encoding every value as the marketplace does.</summary>
    public Task<MarketplaceAnswer> Send(IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default)
    {
        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var request = new HttpRequestMessage(HttpMethod.Get, $"{basePath}?{query}");
        return AnswerReader.ExchangeAsync(http, request, key, cancellationToken);
    }
}
