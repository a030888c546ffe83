using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Provisioning.Integration.Tests.Events;

/// <summary>
/// A seller's application over real HTTP: it verifies every request's Standard Webhooks signature and answers each
/// delivery as <see cref="Plan"/> says (a 2xx, a 500, an answer after the sender gave up, or a dropped connection).
/// </summary>
internal sealed class SellerApplicationReceiver : IAsyncDisposable
{
    public enum Answer { Accept, Fail, Late, Drop }

    /// <summary>One delivery the application took (answered 2xx in time), in arrival order.</summary>
    public sealed record Accepted(string EventId, string Body)
    {
        public string Type => JsonDocument.Parse(Body).RootElement.GetProperty("type").GetString()!;

        public JsonElement Data => JsonDocument.Parse(Body).RootElement.GetProperty("data").Clone();
    }

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Accepted> _accepted = new();
    private readonly ConcurrentQueue<(string EventId, string Body)> _all = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private int _badSignatures;

    private SellerApplicationReceiver(WebApplication app) => _app = app;

    /// <summary>How to answer the <c>attempt</c>-th delivery (from 1) of an event id; accepting by default.</summary>
    public Func<string, int, Answer> Plan { get; set; } = (_, _) => Answer.Accept;

    /// <summary>How long the application takes before it answers a delivery it accepts.</summary>
    public TimeSpan AcceptAfter { get; set; } = TimeSpan.Zero;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<Accepted> Taken => [.. _accepted];

    /// <summary>Every verified request, answered or not.</summary>
    public IReadOnlyList<(string EventId, string Body)> Requests => [.. _all];

    public int BadSignatures => _badSignatures;

    public static async Task<SellerApplicationReceiver> StartAsync(string secret, TimeSpan lateBy)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new SellerApplicationReceiver(app);
        var verifier = new StandardWebhook(secret);
        app.MapPost("/events", async (HttpContext http) =>
        {
            var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
            try
            {
                verifier.Verify(body, http.Request.Headers);
            }
            catch (WebhookVerificationException)
            {
                Interlocked.Increment(ref receiver._badSignatures);
                return Results.Unauthorized();
            }

            var id = http.Request.Headers["webhook-id"].ToString();
            receiver._all.Enqueue((id, body));
            switch (receiver.Plan(id, receiver._attempts.AddOrUpdate(id, 1, (_, n) => n + 1)))
            {
                case Answer.Fail:
                    return Results.StatusCode(StatusCodes.Status500InternalServerError);
                case Answer.Late:
                    await Task.Delay(lateBy);
                    return Results.NoContent();
                case Answer.Drop:
                    http.Abort();
                    return Results.Empty;
                default:
                    if (receiver.AcceptAfter > TimeSpan.Zero) await Task.Delay(receiver.AcceptAfter);
                    receiver._accepted.Enqueue(new Accepted(id, body));
                    return Results.NoContent();
            }
        });
        await app.StartAsync();
        receiver.Url = new Uri(app.Urls.Single() + "/events");
        return receiver;
    }

    /// <summary>The ids of <paramref name="stream"/>'s events in the order the application first took them (a redelivery dedupes by id).</summary>
    public IReadOnlyList<string> FirstTaken(Func<Accepted, bool> ofStream) =>
        [.. Taken.Where(ofStream).Select(a => a.EventId).Distinct()];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
