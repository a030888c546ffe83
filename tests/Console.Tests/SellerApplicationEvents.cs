using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Provisioning.Testing;

namespace Provisioning.Console.Tests;

/// <summary>
/// The seller application's events endpoint on a real loopback port: it fails every delivery with a 500 (so events become
/// dead letters) until <see cref="Accept"/>, and then takes them, remembering their webhook-ids.
/// </summary>
public sealed class SellerApplicationEvents : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, bool> _delivered = new();
    private volatile bool _accepting;

    private SellerApplicationEvents(WebApplication app, Uri url) => (_app, Url) = (app, url);

    public Uri Url { get; }

    public static async Task<SellerApplicationEvents> StartAsync()
    {
        var url = new Uri($"http://127.0.0.1:{GatewayFactory.FreePort()}/events");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url.GetLeftPart(UriPartial.Authority));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var events = new SellerApplicationEvents(app, url);
        app.MapPost(url.AbsolutePath, events.Receive);
        await app.StartAsync();
        return events;
    }

    public void Accept() => _accepting = true;

    public bool Delivered(string eventId) => _delivered.ContainsKey(eventId);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private IResult Receive(HttpContext context)
    {
        if (!_accepting) return Results.StatusCode(StatusCodes.Status500InternalServerError);
        _delivered[context.Request.Headers["webhook-id"].ToString()] = true;
        return Results.Ok();
    }
}
