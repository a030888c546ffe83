using Provisioning.Marketplace.Callbacks;

namespace Provisioning.Testing;

/// <summary>The marketplace's V1 calls to the test gateway, with its seller Key, every answer asserted as the marketplace checks it.</summary>
public sealed class V1Client(HttpClient http, string key = GatewayFactory.Key, string path = "/koogallery")
{
    private readonly V1Marketplace _marketplace = new(http, key, path);

    /// <summary>Sends a correctly signed call.</summary>
    public Task<SignedAnswer> Call(string activity, params (string Name, string Value)[] parameters) =>
        Send(Sign(activity, parameters));

    /// <summary>The parameters of a signed call, with timeStamp and authToken added, for tests that tamper with them.</summary>
    public Dictionary<string, string> Sign(string activity, (string Name, string Value)[] parameters, string? timeStamp = null) =>
        _marketplace.Sign(activity, parameters, timeStamp: timeStamp);

    public async Task<SignedAnswer> Send(IReadOnlyDictionary<string, string> parameters) =>
        SignedAnswer.Of(await _marketplace.Send(parameters), key);
}
