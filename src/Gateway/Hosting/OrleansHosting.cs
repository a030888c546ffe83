using Orleans.Dashboard;
using System.Globalization;
using Microsoft.Extensions.Configuration.Memory;
using Npgsql;
using Orleans.Configuration;
using Provisioning.Infrastructure.Hosting;
using Provisioning.Infrastructure.Telemetry;

namespace Provisioning.Gateway.Hosting;

/// <summary>How the gateway reaches the grains: by co-hosting a silo (<c>standalone</c>) or as a client of a cluster (<c>client</c>).</summary>
internal static class OrleansHosting
{
    private const int CoHostedSiloPort = 11112;
    private const int CoHostedGatewayPort = 30001;

    public static WebApplicationBuilder AddProvisioningOrleans(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        switch (configuration["Orleans:Mode"] ?? "standalone")
        {
            case "standalone":
                CoHostedSiloPorts(builder.Configuration);
                builder.UseOrleans(silo => silo.AddProvisioning(configuration));
                builder.Services.AddHealthChecks().AddSiloReadiness(configuration);
                break;
            case "client":
                builder.UseOrleansClient(client => ConfigureClient(client, configuration));
                builder.Services.AddHealthChecks()
                    .AddCheck<ClusterConnectionHealthCheck>("cluster-connection", tags: [HealthProbes.Ready])
                    .AddDatabaseReadiness(configuration);
                break;
            case var other:
                throw new InvalidOperationException($"Orleans:Mode '{other}' is not 'standalone' or 'client'.");
        }

        return builder;
    }

    /// <summary>
    /// A silo host (src/Silo) keeps Orleans' ports 11111 and 30000, which a client-mode gateway looks for on localhost; the
    /// co-hosted silo defaults to the next ones, so that both run on one machine. As the lowest source, any setting wins.
    /// </summary>
    private static void CoHostedSiloPorts(ConfigurationManager configuration) =>
        configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Orleans:Endpoints:SiloPort"] = CoHostedSiloPort.ToString(CultureInfo.InvariantCulture),
                ["Orleans:Endpoints:GatewayPort"] = CoHostedGatewayPort.ToString(CultureInfo.InvariantCulture),
            },
        });

    private static void ConfigureClient(IClientBuilder client, IConfiguration configuration)
    {
        client.Services.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = ("provisioning", "provisioning"));
        client.Services.Configure<ClusterOptions>(configuration.GetSection("Orleans"));
        client.AddActivityPropagation();
        if (ClusterDashboard.IsOn(configuration)) client.AddDashboard();
        client.Services.AddSingleton<ClusterConnections>();
        client.Services.AddSingleton<IClusterConnectionStatusObserver>(sp => sp.GetRequiredService<ClusterConnections>());
        // Silos that join later (a replacement for a killed one) are found only by re-reading the gateway list: every 5 s
        // rather than Orleans' minute, so a client left with no silo reconnects soon after one is back.
        client.Services.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
        client.Services.Configure<GatewayOptions>(configuration.GetSection("Orleans:Gateway"));

        var connectionString = configuration.GetConnectionString(ProvisioningSiloExtensions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            client.UseLocalhostClustering(configuration.GetValue("Orleans:Endpoints:GatewayPort", 30000));
            return;
        }

        client.Services.AddSingleton(_ => DatabaseTracing.Create(connectionString));
        client.UseAdoNetClustering(o => o.Configure<NpgsqlDataSource>((options, ds) => (options.Invariant, options.DataSource) = ("Npgsql", ds)));
    }
}
