using System.Net;
using System.Text;

namespace Provisioning.KooGallery.Tests.OpenApi;

/// <summary>
/// An in-memory Open API host: answers each attempt with the next scripted reply and records what it received,
/// as it was at that moment (the same request message is re-sent on retries and moved to the fallback host).
/// </summary>
internal sealed class FakeMarketplace(params Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>[] replies) : HttpMessageHandler
{
    public List<Received> Requests { get; } = [];

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Answer(HttpStatusCode status, string json) =>
        (_, _) => Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Unreachable(HttpRequestError error = HttpRequestError.ConnectionError) =>
        (request, _) => Task.FromException<HttpResponseMessage>(
            new HttpRequestException(error, $"Connection refused ({request.RequestUri!.Host}:443)"));

    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> Hang() =>
        async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Requests.Add(new Received(request.Method.Method, request.RequestUri!, SignedRequest.Headers(request), body));
        var reply = replies[Math.Min(Requests.Count, replies.Length) - 1];
        return await reply(request, cancellationToken);
    }

    internal sealed record Received(string Method, Uri Uri, Dictionary<string, string> Headers, byte[] Body);
}
