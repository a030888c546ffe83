using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Provisioning.Integration.Tests.Instances;

/// <summary>
/// A seller application's provisioning hook that holds every request until the test releases it, then says the tenant
/// exists: a <c>newInstance</c> stays in flight, deterministically, for as long as the test needs.
/// </summary>
internal sealed class HeldProvisioningHook : IAsyncDisposable
{
    public static readonly string Secret = "whsec_" + Convert.ToBase64String(new byte[32]);

    private readonly WebApplication _app;
    private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HeldProvisioningHook(WebApplication app) => _app = app;

    /// <summary>The silo's <c>SellerApplication:ProvisioningUrl</c>.</summary>
    public Uri Url => new(new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()), "/provision");

    /// <summary>Completes when the first request is being held.</summary>
    public Task Arrived => _arrived.Task;

    public static async Task<HeldProvisioningHook> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var hook = new HeldProvisioningHook(builder.Build());
        hook._app.MapPost("/provision", async () =>
        {
            hook._arrived.TrySetResult();
            await hook._released.Task;
            return Results.NoContent();
        });
        await hook._app.StartAsync();
        return hook;
    }

    /// <summary>Lets every held request (and every later one) answer.</summary>
    public void Release() => _released.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.DisposeAsync();
    }
}
