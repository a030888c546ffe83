using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Infrastructure.Hosting;

namespace Provisioning.Bench;

/// <summary>
/// Memory per active instance grain: a silo on PostgreSQL opens 100,000 instances and keeps them all active; the managed heap
/// after a full collection, before and after, divided by the count. The baseline is the same silo with no instance.
/// </summary>
internal static class InstanceMemoryBenchmark
{
    private const int Instances = 100_000;
    private const int Concurrency = 64;

    public static async Task<int> RunAsync()
    {
        var database = await BenchDatabase.CreateAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Provisioning"] = database,
            ["Orleans:Endpoints:AdvertisedIPAddress"] = "127.0.0.1",
        });
        // Keep every activation alive for the whole measurement.
        builder.UseOrleans(silo => silo.AddProvisioning(builder.Configuration)
            .Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(1)));
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();

        var before = Heap();
        var started = Stopwatch.GetTimestamp();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < Instances; i = Interlocked.Increment(ref next))
            {
                var address = new InstanceAddress(InstanceIds.Derive(OrderKey.ForOrder($"MEM{i}"), Traffic.Live), Traffic.Live);
                await grains.GetInstance(address).Open(Order($"MEM{i}"));
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var after = Heap();

        Console.WriteLine($"Opened {Instances:N0} instances (each written to PostgreSQL) in {elapsed.TotalSeconds:0.0} s: {Instances / elapsed.TotalSeconds:0} per second from {Concurrency} callers.");
        Console.WriteLine($"Managed heap after a full collection: {before / 1048576.0:0.0} MiB with no instance (baseline), {after / 1048576.0:0.0} MiB with {Instances:N0} active.");
        Console.WriteLine($"Memory per active instance grain: {(after - before) / (double)Instances:0} bytes.");
        await host.StopAsync();
        return 0;
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static OpenInstance Order(string orderId) => new(
        orderId,
        new Buyer("68cbc86abc2018ab880d92f36422fa0e", "bench", null, null, null, null),
        new Plan("00301-666666-0--0", "c1a2b3c4-d5e6-7890-abcd-ef1234567890", ChargingMode.Periodic, Quantities.None, "month", 1),
        Trial: false,
        DateTimeOffset.UtcNow.AddMonths(1),
        99m,
        ImmutableDictionary<string, string>.Empty);
}
