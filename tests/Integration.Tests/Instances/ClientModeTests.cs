using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Provisioning.Grains.Hosting;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Instances;

public sealed class ClientModeTests
{
    /// <summary>A gateway that runs no silo and finds the cluster's gateways in the PostgreSQL membership table.</summary>
    private sealed class ClientGateway(string connectionString) : GatewayFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["ConnectionStrings:Provisioning"] = connectionString,
            ["Orleans:Mode"] = "client",
        };
    }

    private static async Task<IHost> StartSiloAsync(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Provisioning"] = connectionString,
            ["Orleans:Endpoints:AdvertisedIPAddress"] = "127.0.0.1",
            ["Orleans:Endpoints:SiloPort"] = GatewayFactory.FreePort().ToString(),
            ["Orleans:Endpoints:GatewayPort"] = GatewayFactory.FreePort().ToString(),
        }).Build();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Configuration = new ConfigurationManager() });
        builder.Configuration.AddConfiguration(configuration);
        builder.UseOrleans(silo => silo.AddProvisioning(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    [Fact]
    public async Task A_client_mode_gateway_serves_the_lifecycle_from_a_separate_silo()
    {
        var database = await PostgresServer.CreateDatabaseAsync("client");
        using var silo = await StartSiloAsync(database);
        await using var gateway = new ClientGateway(database);
        var marketplace = new V1Client(gateway.CreateClient());

        var opened = await marketplace.Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId()));
        var query = await marketplace.Call("queryInstance", ("instanceId", opened["instanceId"]!));

        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        Assert.Equal(opened["instanceId"], query.Json.GetProperty("info")[0].GetProperty("instanceId").GetString());
        await silo.StopAsync();
    }
}
