using Provisioning.Marketplace.Callbacks;

namespace Provisioning.Testing;

/// <summary>The marketplace's V2 calls to the test gateway, with its access key, every answer asserted as the marketplace checks it.</summary>
public sealed class V2Client(HttpClient http, string accessKey = GatewayFactory.AccessKey, string path = "/koogallery")
{
    private readonly V2Marketplace _marketplace = new(http, accessKey, path);

    /// <summary>Sends a correctly signed call.</summary>
    public Task<SignedAnswer> Call(string activity, params (string Name, object? Value)[] fields) => Send(V2Marketplace.Body(activity, fields));

    /// <summary>Sends a body signed with a fresh nonce and the current time, unless given.</summary>
    public Task<SignedAnswer> Send(byte[] body, string? nonce = null, string? timestamp = null) =>
        Send(_marketplace.Sign(body, nonce ?? V2Marketplace.NewNonce(), timestamp ?? V2Marketplace.Now()));

    /// <summary>Sends a body with exactly the given authentication parameters (null leaves one out).</summary>
    public Task<SignedAnswer> SendSigned(byte[] body, string? signature, string? nonce, string? timestamp) =>
        Send(new V2Request(body, signature, nonce, timestamp));

    private async Task<SignedAnswer> Send(V2Request request) => SignedAnswer.Of(await _marketplace.Send(request), accessKey);
}
