using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Orders;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.KooGallery;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Instances;

public sealed class V2ClusterTests
{
    /// <summary>A PostgreSQL gateway whose provisioning reminder re-drives every second.</summary>
    private sealed class QuickRetryGateway(string connectionString) : GatewayFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["ConnectionStrings:Provisioning"] = connectionString,
            ["Provisioning:RetryPeriod"] = "00:00:01",
            ["KooGallery:ProvisioningBudget"] = "00:00:00.200",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1)));
        }
    }

    private static byte[] NewInstance(string orderId) =>
        V2Marketplace.Body("newInstance", ("businessId", "b-1"), ("orderId", orderId), ("orderLineId", orderId + "-000001"));

    [Fact]
    public async Task A_replay_sent_to_another_gateway_of_the_cluster_is_refused()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("v2replay");
        await using var first = new PostgresGateway(database);
        await using var second = new PostgresGateway(database);
        var orderId = V1Orders.NewOrderId();
        var (nonce, timestamp) = (V2Marketplace.NewNonce(), V2Marketplace.Now());

        var original = await new V2Client(first.CreateClient()).Send(NewInstance(orderId), nonce, timestamp);
        var replay = await new V2Client(second.CreateClient()).Send(NewInstance(orderId), nonce, timestamp);

        Assert.Equal(ResultCodes.Success, original.ResultCode);
        Assert.Equal(ResultCodes.AuthenticationFailed, replay.ResultCode);
        Assert.Equal("nonce has already been used", replay.ResultMsg);
    }

    [Fact]
    public async Task Provisioning_cut_short_by_a_stopped_silo_is_finished_by_its_reminder()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("v2redrive");
        var orderId = V1Orders.NewOrderId();
        ScriptedOrders.Script(orderId, _ => new TaskCompletionSource<OrderLine>().Task);
        string instanceId;

        await using (var before = new QuickRetryGateway(database))
        {
            var accepted = await new V2Client(before.CreateClient()).Send(NewInstance(orderId));
            Assert.Equal(ResultCodes.InProgress, accepted.ResultCode);
            instanceId = accepted["instanceId"]!;
        }

        ScriptedOrders.Script(orderId, line => Task.FromResult(ScriptedOrders.Line(orderId, line)));
        await using var after = new QuickRetryGateway(database);
        _ = after.Server;

        // Nothing calls the instance: only its durable reminder can bring it back and fetch the order again.
        for (var deadline = DateTime.UtcNow.AddSeconds(30); ScriptedOrders.CallsFor(orderId) < 2 && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(100);
        }

        Assert.Equal(2, ScriptedOrders.CallsFor(orderId));
        var grain = after.Services.GetRequiredService<IGrainFactory>().GetInstance(new InstanceAddress(instanceId, Traffic.Live));
        InstanceSnapshot? snapshot;
        var opened = DateTime.UtcNow.AddSeconds(10);
        while ((snapshot = await grain.Get())?.Status != InstanceStatus.Active && DateTime.UtcNow < opened)
        {
            await Task.Delay(100);
        }

        Assert.Equal(InstanceStatus.Active, snapshot?.Status);
    }
}
