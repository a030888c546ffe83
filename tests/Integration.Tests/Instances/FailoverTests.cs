using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Grains;
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

    /// <summary>
    /// The failover window with the shipped membership settings: a silo process is SIGKILLed, so nothing tells the
    /// cluster; the survivor must notice by probing and declare it dead before its instances can activate again.
    /// </summary>
    [Fact]
    public async Task A_SIGKILLed_silos_instances_answer_again_within_5_seconds()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("sigkill");
        using var survivor = await SiloHost.StartAsync(database);
        using var victim = await SiloProcess.StartAsync(database, within: TimeSpan.FromSeconds(60));
        await using var gateway = new ClientModeGateway(database);
        var client = gateway.Services.GetRequiredService<IClusterClient>();
        var management = client.GetGrain<IManagementGrain>(0);
        var survivorAddress = survivor.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var victimAddress = (await management.GetHosts(onlyActive: true)).Keys.Single(silo => !silo.Equals(survivorAddress));

        var onVictim = new List<InstanceAddress>();
        for (var i = 0; i < 40; i++)
        {
            var address = new InstanceAddress(InstanceIds.Derive(OrderKey.ForOrder($"SIGKILL{i}-{Guid.NewGuid():N}"), Traffic.Live), Traffic.Live);
            Assert.Equal(InstanceOutcome.Applied, (await client.GetInstance(address).Open(Order($"SIGKILL{i}"))).Outcome);
            if (await management.GetActivationAddress(client.GetInstance(address)) == victimAddress) onVictim.Add(address);
        }

        Assert.True(onVictim.Count > 0, "no instance was active on the silo to be killed, so the test would prove nothing");
        victim.Kill();
        var killed = Stopwatch.StartNew();
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var answered = await Task.WhenAll(onVictim.Select(address => FirstAnswerAsync(client.GetInstance(address), killed, giveUp.Token)));

        var window = answered.Max();
        output.WriteLine(
            $"Failover window: the {onVictim.Count} instances active on the SIGKILLed silo answered again "
            + $"{answered.Min().TotalSeconds:0.00}–{window.TotalSeconds:0.00} s after the kill.");
        Assert.True(window < TimeSpan.FromSeconds(5), $"the killed silo's instances answered again only {window.TotalSeconds:0.00} s after the kill");
    }

    /// <summary>Asks the instance until it answers as it did before the kill, each attempt bounded, and returns when it first did.</summary>
    private static async Task<TimeSpan> FirstAnswerAsync(ISaasInstanceGrain instance, Stopwatch since, CancellationToken giveUp)
    {
        while (true)
        {
            try
            {
                var snapshot = await instance.Get().WaitAsync(TimeSpan.FromSeconds(1), giveUp);
                Assert.Equal(InstanceStatus.Active, snapshot!.Status);
                return since.Elapsed;
            }
            catch (Exception e) when (e is TimeoutException or OrleansException)
            {
                await Task.Delay(50, giveUp);
            }
        }
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
