using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Provisioning.Integration.Tests.Telemetry;

/// <summary>
/// A collector on a loopback port taking OTLP/HTTP in protobuf: spans POSTed to <c>/v1/traces</c> are kept, metrics and logs
/// are taken and dropped. It also plays the seller application's provisioning hook (<c>POST /provision</c>, answered 204),
/// keeping the <c>traceparent</c> each request carried.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly ConcurrentQueue<string> _hookTraceParents = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>The OTLP endpoint, as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> takes it.</summary>
    public Uri Url => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    public Uri ProvisioningUrl => new(Url, "/provision");

    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    /// <summary>The <c>traceparent</c> header of every provisioning request, in arrival order.</summary>
    public IReadOnlyList<string> HookTraceParents => [.. _hookTraceParents];

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        // Its own requests make no spans: a tracer provider of a gateway in this process would export them here, on and on.
        builder.Services.AddSingleton(new ActivitySource(nameof(OtlpReceiver)));
        builder.Services.AddSingleton(new DiagnosticListener(nameof(OtlpReceiver)));
        var receiver = new OtlpReceiver(builder.Build());
        receiver._app.MapPost("/v1/traces", receiver.TakeTracesAsync);
        receiver._app.MapPost("/v1/{signal}", () => Accepted());
        receiver._app.MapPost("/provision", (HttpRequest request) =>
        {
            receiver._hookTraceParents.Enqueue(request.Headers["traceparent"].ToString());
            return Results.NoContent();
        });
        await receiver._app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> TakeTracesAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        foreach (var span in OtlpSpans.Read(body.ToArray())) _spans.Enqueue(span);
        return Accepted();
    }

    // An empty Export*ServiceResponse: everything was accepted.
    private static IResult Accepted() => Results.Bytes([], "application/x-protobuf");
}
