using Microsoft.Extensions.DependencyInjection;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.KooGallery;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Instances;

public sealed class InstanceDurabilityTests
{
    private static Task<InstanceSnapshot?> Stored(PostgresGateway gateway, string instanceId) =>
        gateway.Services.GetRequiredService<IGrainFactory>().GetInstance(new InstanceAddress(instanceId, Traffic.Live)).Get();

    [Fact]
    public async Task An_instance_survives_a_restart_of_its_silo()
    {
        // An empty database: the silo applies the schema itself when it starts.
        var database = await PostgresServer.CreateDatabaseAsync("restart");
        var order = V1Orders.NewInstance(V1Orders.NewOrderId());
        SignedAnswer opened;
        string instanceId;

        await using (var before = new PostgresGateway(database))
        {
            var marketplace = new V1Client(before.CreateClient());
            opened = await marketplace.Call("newInstance", order);
            instanceId = opened["instanceId"]!;
            await marketplace.Call("refreshInstance", ("instanceId", instanceId), ("orderId", "R1"), ("expireTime", "20300101000000"));
            await marketplace.Call("expireInstance", ("instanceId", instanceId), ("orderId", "x"));
        }

        await using var after = new PostgresGateway(database);
        var reopened = await new V1Client(after.CreateClient()).Call("newInstance", order);

        Assert.Equal(instanceId, reopened["instanceId"]);
        Assert.Equal(opened.Json.GetProperty("appInfo").GetRawText(), reopened.Json.GetProperty("appInfo").GetRawText());
        var stored = await Stored(after, instanceId);
        Assert.Equal(InstanceStatus.Frozen, stored!.Status);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), stored.ExpiresAt);
        var history = await after.Services.GetRequiredService<IGrainFactory>().GetInstance(new InstanceAddress(instanceId, Traffic.Live)).GetHistory();
        Assert.Equal([InstanceAction.Open, InstanceAction.Renew, InstanceAction.Freeze], history.Select(t => t.Action));
    }

    [Fact]
    public async Task Two_silos_share_one_cluster_and_its_instances()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("twosilos");
        await using var first = new PostgresGateway(database);
        await using var second = new PostgresGateway(database);
        var viaFirst = new V1Client(first.CreateClient());
        var viaSecond = new V1Client(second.CreateClient());

        var hosts = await first.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(2, hosts.Count);

        var order = V1Orders.NewInstance(V1Orders.NewOrderId());
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? viaFirst : viaSecond).Call("newInstance", order)));
        var instanceId = Assert.Single(answers.Select(a => a["instanceId"]).Distinct())!;
        Assert.Single(answers.Select(a => a.Json.GetProperty("appInfo").GetRawText()).Distinct());

        Assert.Equal(ResultCodes.Success, (await viaSecond.Call("expireInstance", ("instanceId", instanceId), ("orderId", "x"))).ResultCode);
        Assert.Equal(InstanceStatus.Frozen, (await Stored(first, instanceId))!.Status);
        var history = await second.Services.GetRequiredService<IGrainFactory>().GetInstance(new InstanceAddress(instanceId, Traffic.Live)).GetHistory();
        Assert.Single(history, t => t.Action == InstanceAction.Open);
    }

    [Fact]
    public async Task An_acknowledged_instance_is_already_in_the_database()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("durable");
        await using var gateway = new PostgresGateway(database);
        var orderId = V1Orders.NewOrderId();

        var opened = await new V1Client(gateway.CreateClient()).Call("newInstance", V1Orders.NewInstance(orderId));

        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        var payloads = await Sql.QueryAsync(
            database,
            "SELECT graintypestring || ' ' || coalesce(grainidextensionstring, '') || ' ' || convert_from(payloadbinary, 'UTF8') FROM orleansstorage",
            r => r.GetString(0));

        var row = Assert.Single(payloads);
        // The row's identity (state name and grain key) must never change, or stored instances are orphaned.
        Assert.StartsWith($"saas-instance live/{opened["instanceId"]} ", row);
        Assert.Contains(orderId, row);
        Assert.DoesNotContain("$type", row);
    }
}
