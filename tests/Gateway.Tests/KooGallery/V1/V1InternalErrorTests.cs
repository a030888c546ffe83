using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.V1;

public sealed class V1InternalErrorTests
{
    /// <summary>A gateway whose database accepts reads but fails every write, as during a storage outage.</summary>
    private sealed class StorageOutageGateway : GatewayFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddKeyedSingleton<IGrainStorage>(StorageNames.Grains, new FailingWrites()));
        }
    }

    private sealed class FailingWrites : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            throw new TimeoutException("Timeout during writing to database host db.internal");

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
            throw new TimeoutException("Timeout during writing to database host db.internal");
    }

    [Fact]
    public async Task A_write_that_is_not_durable_is_never_acknowledged()
    {
        await using var gateway = new StorageOutageGateway();
        var marketplace = new V1Client(gateway.CreateClient());
        var order = V1Orders.NewInstance(V1Orders.NewOrderId());

        var first = await marketplace.Call("newInstance", order);
        var retry = await marketplace.Call("newInstance", order);

        Assert.Equal(ResultCodes.InternalError, first.ResultCode);
        Assert.StartsWith("internal error, please retry", first.ResultMsg);
        Assert.DoesNotContain("db.internal", first.ResultMsg);
        Assert.Equal(ResultCodes.InternalError, retry.ResultCode);
    }
}
