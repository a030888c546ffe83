using Microsoft.AspNetCore.Builder;
using Provisioning.KooGallery.Usage;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>
/// A stand-in for KooGallery's open API on a loopback port: the order query the gateway calls for V2 orders (AK/SK signed) and
/// the usage push, new (HMAC signed) and old (AK/SK signed), the activation code APIs and the License upload (AK/SK signed), plus the <c>/simulator</c> control API. Runs in-process (the <c>run</c> command, tests) or
/// on its own (the <c>fake-openapi</c> command).
/// </summary>
public sealed class FakeOpenApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenApi(WebApplication app) => _app = app;

    /// <summary>The orders registered so far.</summary>
    public OrderBook Orders { get; } = new();

    /// <summary>The usage received so far.</summary>
    public UsageLedger Usage { get; } = new();

    /// <summary>The activation codes registered so far.</summary>
    public CodeBook Codes { get; } = new();

    /// <summary>The usage-push faults still queued.</summary>
    public UsageFaults Faults { get; } = new();

    /// <summary>The Licenses uploaded so far, and the upload faults still queued.</summary>
    public LicenseUploads Uploads { get; } = new();

    /// <summary>Where the fake listens, e.g. <c>http://127.0.0.1:5090</c>: the gateway's <c>KooGallery:OpenApi:BaseUrl</c>.</summary>
    public Uri BaseUrl => LoopbackHost.Address(_app);

    /// <summary>Starts listening; <paramref name="log"/> hears one line per call (never a key).</summary>
    public static async Task<FakeOpenApi> StartAsync(FakeOpenApiOptions options, Action<string>? log = null)
    {
        var api = new FakeOpenApi(LoopbackHost.CreateBuilder(options.Port).Build());

        var say = log ?? (_ => { });
        api._app.MapGet(OrderQueryEndpoint.Path, (Delegate)new OrderQueryEndpoint(api.Orders, options, say).AnswerAsync);
        foreach (var version in new[] { UsagePushVersion.New, UsagePushVersion.Old })
        {
            var push = new UsagePushEndpoint(version, api.Usage, api.Faults, options, say);
            api._app.MapPost(push.Path, (Delegate)push.AnswerAsync);
        }

        ControlEndpoints.Map(api._app, api.Orders, api.Usage, api.Faults);
        ActivationCodeEndpoints.Map(api._app, api.Codes, options, say);
        CodeControlEndpoints.Map(api._app, api.Codes);
        LicenseUploadEndpoint.Map(api._app, api.Uploads, options, say);
        await api._app.StartAsync();
        return api;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
