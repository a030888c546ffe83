using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Provisioning.SellerApplication;

/// <summary>
/// A stand-in for the seller's own application on a loopback port: <c>POST /events</c> takes lifecycle and tenant events,
/// <c>POST /provision</c> is the provisioning hook, both verifying every Standard Webhooks signature; plus the
/// <c>/simulator</c> control API. Runs in-process (the simulator's <c>run</c> command, tests) or on its own (the
/// <c>fake-seller-app</c> command).
/// </summary>
public sealed class FakeSellerApplication : IAsyncDisposable
{
    /// <summary>The path events are POSTed to.</summary>
    public const string EventsPath = "/events";

    /// <summary>The path of the provisioning hook.</summary>
    public const string ProvisioningPath = "/provision";

    private readonly WebApplication _app;

    private FakeSellerApplication(WebApplication app) => _app = app;

    /// <summary>The events taken so far.</summary>
    public EventInbox Events { get; } = new();

    /// <summary>The provisioning requests taken so far.</summary>
    public EventInbox Provisioning { get; } = new();

    /// <summary>The faults queued for event deliveries.</summary>
    public DeliveryFaults EventFaults { get; } = new();

    /// <summary>The faults queued for provisioning requests.</summary>
    public DeliveryFaults ProvisioningFaults { get; } = new();

    /// <summary>What the provisioning hook answers.</summary>
    public ProvisioningAnswer ProvisioningAnswer { get; } = new();

    /// <summary>Where the fake listens, e.g. <c>http://127.0.0.1:5201</c>.</summary>
    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    /// <summary>The backend's <c>SellerApplication:EventsUrl</c>.</summary>
    public Uri EventsUrl => new(BaseUrl, EventsPath);

    /// <summary>The backend's <c>SellerApplication:ProvisioningUrl</c>.</summary>
    public Uri ProvisioningUrl => new(BaseUrl, ProvisioningPath);

    /// <summary>How many faults are queued and played, per endpoint.</summary>
    public FaultCounts FaultCounts() =>
        new(EventFaults.Pending, EventFaults.Played, ProvisioningFaults.Pending, ProvisioningFaults.Played);

    /// <summary>
    /// Starts listening; <paramref name="log"/> hears one line per delivery (never the secret or a body). Refuses options with a
    /// <see cref="FakeSellerApplicationOptions.Problem"/>.
    /// </summary>
    public static async Task<FakeSellerApplication> StartAsync(FakeSellerApplicationOptions options, Action<string>? log = null)
    {
        if (options.Problem() is { } problem) throw new ArgumentException(problem, nameof(options));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, SignalFreeLifetime>();
        builder.Services.ConfigureHttpJsonOptions(json => ControlJson.Configure(json.SerializerOptions));
        var fake = new FakeSellerApplication(builder.Build());

        var say = log ?? (_ => { });
        var check = new WebhookCheck(options.SigningSecret);
        var events = new SignedEndpoint("event", check, fake.Events, fake.EventFaults, Results.NoContent, options.SilenceHold, say);
        var provisioning = new SignedEndpoint("provisioning", check, fake.Provisioning, fake.ProvisioningFaults,
            () => fake.ProvisioningAnswer.Access is { } access ? Results.Json(access, ControlJson.Options) : Results.NoContent(), options.SilenceHold, say);
        fake._app.MapPost(EventsPath, (Delegate)events.AnswerAsync);
        fake._app.MapPost(ProvisioningPath, (Delegate)provisioning.AnswerAsync);
        ControlEndpoints.Map(fake._app, fake);

        await fake._app.StartAsync();
        return fake;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
