using System.Collections.Immutable;
using System.Diagnostics;
using Provisioning.Grains.Instances;
using Provisioning.Integration.Tests.Postgres;
using Xunit.Abstractions;

namespace Provisioning.Integration.Tests.Instances;

public sealed class FailoverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_killed_silo_loses_no_acknowledged_instance()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("failover");
        var builder = KillableCluster.Builder(database, "failover");
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var acknowledged = new Dictionary<InstanceAddress, InstanceSnapshot>();
        for (var i = 0; i < 40; i++)
        {
            var address = new InstanceAddress(InstanceIds.Derive(OrderKey.ForOrder($"FAILOVER{i}-{Guid.NewGuid():N}"), Traffic.Live), Traffic.Live);
            var reply = await cluster.Client.GetInstance(address).Open(Order($"FAILOVER{i}"));
            Assert.Equal(InstanceOutcome.Applied, reply.Outcome);
            acknowledged[address] = reply.Instance!;
        }

        var victim = cluster.SecondarySilos[0];
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var onVictim = 0;
        foreach (var address in acknowledged.Keys)
        {
            if (await management.GetActivationAddress(cluster.Client.GetInstance(address)) == victim.SiloAddress) onVictim++;
        }

        Assert.True(onVictim > 0, "no instance was active on the silo to be killed, so the test would prove nothing");
        await cluster.KillSiloAsync(victim);
        var killed = Stopwatch.StartNew();

        foreach (var (address, before) in acknowledged)
        {
            var after = await KillableCluster.Surviving(() => cluster.Client.GetInstance(address).Get());
            Assert.Equal(before.Access, after!.Access);
            Assert.Equal(InstanceStatus.Active, after.Status);
        }

        output.WriteLine($"All {acknowledged.Count} instances ({onVictim} of them active on the killed silo) answered again {killed.Elapsed.TotalSeconds:0.0} s after the kill.");
    }

    private static OpenInstance Order(string orderId) => new(
        orderId,
        new Buyer("customer", "buyer", null, null, null, null),
        new Plan("00301-666666-0--0", "sku", ChargingMode.Periodic, Quantities.None, "month", 1),
        Trial: false,
        DateTimeOffset.UtcNow.AddMonths(1),
        10m,
        ImmutableDictionary<string, string>.Empty);
}
