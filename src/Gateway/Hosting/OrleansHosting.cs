using Npgsql;
using Orleans.Configuration;
using Provisioning.Grains.Hosting;

namespace Provisioning.Gateway.Hosting;

/// <summary>How the gateway reaches the grains: by co-hosting a silo (<c>standalone</c>) or as a client of a cluster (<c>client</c>).</summary>
internal static class OrleansHosting
{
    public static WebApplicationBuilder AddProvisioningOrleans(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        switch (configuration["Orleans:Mode"] ?? "standalone")
        {
            case "standalone":
                builder.UseOrleans(silo => silo.AddProvisioning(configuration));
                break;
            case "client":
                builder.UseOrleansClient(client => ConfigureClient(client, configuration));
                break;
            case var other:
                throw new InvalidOperationException($"Orleans:Mode '{other}' is not 'standalone' or 'client'.");
        }

        return builder;
    }

    private static void ConfigureClient(IClientBuilder client, IConfiguration configuration)
    {
        client.Services.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = ("provisioning", "provisioning"));
        client.Services.Configure<ClusterOptions>(configuration.GetSection("Orleans"));
        client.AddActivityPropagation();

        var connectionString = configuration.GetConnectionString(ProvisioningSiloExtensions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            client.UseLocalhostClustering(configuration.GetValue("Orleans:Endpoints:GatewayPort", 30000));
            return;
        }

        client.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        client.UseAdoNetClustering(o => o.Configure<NpgsqlDataSource>((options, ds) => (options.Invariant, options.DataSource) = ("Npgsql", ds)));
    }
}
