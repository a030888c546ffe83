using Provisioning.Integration.Tests.Postgres;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Instances;

public sealed class ClientModeTests
{
    [Fact]
    public async Task A_client_mode_gateway_serves_the_lifecycle_from_a_separate_silo()
    {
        var database = await PostgresServer.CreateDatabaseAsync("client");
        using var silo = await SiloHost.StartAsync(database);
        await using var gateway = new ClientModeGateway(database);
        var marketplace = new V1Client(gateway.CreateClient());

        var opened = await marketplace.Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId()));
        var query = await marketplace.Call("queryInstance", ("instanceId", opened["instanceId"]!));

        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        Assert.Equal(opened["instanceId"], query.Json.GetProperty("info")[0].GetProperty("instanceId").GetString());
        await silo.StopAsync();
    }
}
