using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>
/// How the marketplace's fakes host themselves: on a loopback port (0 picks a free one), silent, leaving Ctrl+C to the
/// process that runs them, with the control API's JSON options.
/// </summary>
internal static class LoopbackHost
{
    public static WebApplicationBuilder CreateBuilder(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, SignalFreeLifetime>();
        builder.Services.ConfigureHttpJsonOptions(json => ControlJson.Configure(json.SerializerOptions));
        return builder;
    }

    /// <summary>Where a started host listens, e.g. <c>http://127.0.0.1:5090</c>.</summary>
    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
}
