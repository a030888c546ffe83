using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Provisioning.Infrastructure.Hosting;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Instances;

/// <summary>A silo on the production configuration (its readiness checks included), in this process, on its own ports.</summary>
internal static class SiloHost
{
    public static async Task<IHost> StartAsync(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Provisioning"] = connectionString,
            ["Orleans:Endpoints:AdvertisedIPAddress"] = "127.0.0.1",
            ["Orleans:Endpoints:SiloPort"] = GatewayFactory.FreePort().ToString(),
            ["Orleans:Endpoints:GatewayPort"] = GatewayFactory.FreePort().ToString(),
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Configuration = new ConfigurationManager() });
        builder.Configuration.AddConfiguration(configuration);
        builder.UseOrleans(silo => silo.AddProvisioning(builder.Configuration));
        builder.Services.AddHealthChecks().AddSiloReadiness(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
