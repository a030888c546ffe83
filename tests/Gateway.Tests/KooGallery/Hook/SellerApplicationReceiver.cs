using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Provisioning.Testing;
using StandardWebhooks;

namespace Provisioning.Gateway.Tests.KooGallery.Hook;

/// <summary>One provisioning request as the seller's application received it, after its signature was verified.</summary>
public sealed record ReceivedRequest(string WebhookId, JsonElement Body)
{
    public JsonElement Data => Body.GetProperty("data");
}

/// <summary>How the application answers one request: a status and body, after an optional delay (cut short when the caller gives up).</summary>
public sealed record ReceiverAnswer(int Status, string Body, TimeSpan Delay = default);

/// <summary>
/// The seller's application on a real Kestrel port: it verifies every request's Standard Webhooks signature (refusing a bad one
/// with 401, which fails the test that sent it), records it, and answers as the test scripted for its order (attempt 1, 2, …).
/// </summary>
public sealed class SellerApplicationReceiver : IAsyncDisposable
{
    public static readonly string Secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<int, ReceiverAnswer>> _scripts = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ReceivedRequest>> _received = new();
    private int _refused;

    private SellerApplicationReceiver(WebApplication app, Uri url) => (_app, Url) = (app, url);

    public Uri Url { get; }

    /// <summary>How many requests failed signature verification; every test expects none.</summary>
    public int Refused => _refused;

    public static async Task<SellerApplicationReceiver> StartAsync()
    {
        var url = new Uri($"http://127.0.0.1:{GatewayFactory.FreePort()}/tenants");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url.GetLeftPart(UriPartial.Authority));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new SellerApplicationReceiver(app, url);
        app.MapPost(url.AbsolutePath, receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Scripts the answers for an order's requests by attempt number (from 1); unscripted orders get a tenant at once.</summary>
    public void Script(string orderId, Func<int, ReceiverAnswer> answer) => _scripts[orderId] = answer;

    public IReadOnlyList<ReceivedRequest> ReceivedFor(string orderId) => _received.TryGetValue(orderId, out var all) ? [.. all] : [];

    public static string TenantAccess(string orderId) =>
        JsonSerializer.Serialize(new { frontEndUrl = $"https://app.example.com/tenants/{orderId}", userName = $"owner-{orderId}", password = "tenant-password-1" });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        try
        {
            new StandardWebhook(Secret).Verify(body, context.Request.Headers);
        }
        catch (Exception)
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var request = new ReceivedRequest(context.Request.Headers["webhook-id"].ToString(), JsonDocument.Parse(body).RootElement.Clone());
        var orderId = request.Data.GetProperty("orderId").GetString()!;
        var attempts = _received.GetOrAdd(orderId, _ => new ConcurrentQueue<ReceivedRequest>());
        attempts.Enqueue(request);
        var answer = _scripts.TryGetValue(orderId, out var script) ? script(attempts.Count) : new ReceiverAnswer(200, TenantAccess(orderId));
        if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay, context.RequestAborted);
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }
}
