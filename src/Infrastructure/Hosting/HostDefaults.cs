using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Provisioning.Infrastructure.Hosting;

/// <summary>
/// What both hosts set up as processes: the HTTP address they listen on when none is configured, and how long a stop
/// (SIGTERM) may take: <see cref="HostOptions"/> from the <c>HostOptions</c> section.
/// </summary>
public static class HostDefaults
{
    public const string ShutdownSection = "HostOptions";

    /// <summary>At least the longest callback (<c>KooGallery:CallbackTimeout</c> is at most 4.5 s), so a stop lets it finish.</summary>
    public static readonly TimeSpan MinShutdownTimeout = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan MaxShutdownTimeout = TimeSpan.FromMinutes(10);

    public static WebApplicationBuilder AddHostDefaults(this WebApplicationBuilder builder, string defaultUrl)
    {
        // Applied only when nothing names an address: a `Urls` default in configuration would outrank ASPNETCORE_HTTP_PORTS.
        var configuration = builder.Configuration;
        var configured = new[] { WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey }
            .Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
        if (!configured && !configuration.GetSection("Kestrel:Endpoints").Exists()) builder.WebHost.UseUrls(defaultUrl);

        builder.Services.AddOptions<HostOptions>()
            .Bind(configuration.GetSection(ShutdownSection))
            .Validate(
                o => o.ShutdownTimeout >= MinShutdownTimeout && o.ShutdownTimeout <= MaxShutdownTimeout,
                $"{ShutdownSection}:ShutdownTimeout must be between {MinShutdownTimeout} and {MaxShutdownTimeout}.")
            // Stopped one after the other, in reverse order of start: the HTTP server drains its requests before the silo
            // or cluster client they call stops.
            .Validate(o => !o.ServicesStopConcurrently, $"{ShutdownSection}:ServicesStopConcurrently must stay false.")
            .ValidateOnStart();
        return builder;
    }
}
