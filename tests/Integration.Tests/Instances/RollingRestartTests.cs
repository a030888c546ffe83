using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Provisioning.Gateway.Hosting;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.KooGallery;
using Provisioning.Testing;
using Xunit.Abstractions;

namespace Provisioning.Integration.Tests.Instances;

/// <summary>
/// Every silo is replaced, one after the other, by SIGTERM (as a Kubernetes rolling update does) while the marketplace keeps
/// calling a client-mode gateway: no callback may be cut off, and every acknowledged change must survive (issue 13, item 4).
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class RollingRestartTests(ITestOutputHelper output)
{
    private const int Callers = 3;
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);

    private static readonly Dictionary<string, string?> SiloSettings = new() { ["HostOptions:ShutdownTimeout"] = ShutdownTimeout.ToString() };

    [Fact]
    public async Task A_rolling_restart_of_every_silo_answers_every_callback_and_keeps_every_instance()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("rolling");
        var originals = await Task.WhenAll(StartSiloAsync(database), StartSiloAsync(database));
        var silos = new List<SiloProcess>(originals);
        using var stop = new CancellationTokenSource();
        try
        {
            await using var gateway = new ClientModeGateway(database);
            var connections = gateway.Services.GetRequiredService<ClusterConnections>();
            var traffic = new MarketplaceTraffic(new V1Client(gateway.CreateClient()));
            var callers = Enumerable.Range(0, Callers).Select(_ => Task.Run(() => traffic.PlayAsync(stop.Token))).ToArray();
            await Eventually.True(() => connections.Count == originals.Length && traffic.Answered > 0, "the gateway calls both silos", TimeSpan.FromSeconds(30));
            var silo = originals.Length;

            var stops = new List<string>();
            foreach (var old in originals)
            {
                traffic.Phase = $"silo {++silo} starting";
                var fresh = await StartSiloAsync(database);
                silos.Add(fresh);
                // Orleans spreads calls over every silo the client knows: the replacement must be one before the old one goes.
                await Eventually.True(() => connections.Count == originals.Length + 1, "the gateway is connected to the new silo too", TimeSpan.FromSeconds(30));
                var answeredBefore = traffic.Answered;
                traffic.Phase = $"silo {silo - originals.Length} stopping";
                var (exitCode, took) = await old.StopAsync(ShutdownTimeout + TimeSpan.FromSeconds(10));
                Assert.True(exitCode == 0, $"a SIGTERMed silo exited with {exitCode}:{Environment.NewLine}{old.Log}");
                Assert.True(took < ShutdownTimeout, $"a SIGTERMed silo took {took.TotalSeconds:0.00} s to stop (HostOptions:ShutdownTimeout {ShutdownTimeout})");
                stops.Add($"{took.TotalSeconds:0.00} s ({traffic.Answered - answeredBefore} callbacks answered meanwhile)");
                await Eventually.True(() => connections.Count == originals.Length, "the gateway dropped the stopped silo");
            }

            traffic.Phase = "after the restart";

            // Calls on the replacements alone, before the traffic ends.
            var answeredAfterRestart = traffic.Answered;
            await Eventually.True(() => traffic.Answered > answeredAfterRestart + (Callers * 4), "calls go on after the restart");
            await stop.CancelAsync();
            await Task.WhenAll(callers);

            output.WriteLine($"{traffic.Answered} callbacks ({traffic.Opened.Count} newInstance, the rest queryInstance and refreshInstance) from {Callers} callers during a rolling restart of {originals.Length} silos.");
            output.WriteLine($"The longest callback: {string.Join(", ", traffic.Longest.Select(p => $"{p.Key} {p.Value.TotalMilliseconds:0} ms"))}.");
            output.WriteLine($"Silo stops after SIGTERM: {string.Join(", ", stops)}.");
            Assert.True(traffic.Failures.IsEmpty, $"{traffic.Failures.Count} callbacks were not answered with success:{Environment.NewLine}{string.Join(Environment.NewLine, traffic.Failures.Take(20))}");

            var grains = gateway.Services.GetRequiredService<IGrainFactory>();
            foreach (var (instanceId, expiresAt) in traffic.Opened)
            {
                var stored = await grains.GetInstance(new InstanceAddress(instanceId, Traffic.Live)).Get();
                Assert.Equal(InstanceStatus.Active, stored!.Status);
                Assert.Equal(expiresAt, stored.ExpiresAt);
            }
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var silo in silos) silo.Dispose();
        }
    }

    private static Task<SiloProcess> StartSiloAsync(string database) => SiloProcess.StartAsync(database, TimeSpan.FromSeconds(90), SiloSettings);

    /// <summary>
    /// Each caller opens an instance, queries it, renews it and queries it again, over and over; every answer must be a signed
    /// success (the marketplace counts anything else as a failed call), and every acknowledged expiry is remembered.
    /// </summary>
    private sealed class MarketplaceTraffic(V1Client marketplace)
    {
        private readonly ConcurrentQueue<string> _phases = new(["warming up"]);
        private readonly ConcurrentDictionary<string, TimeSpan> _longest = new();
        private long _answered;

        public ConcurrentDictionary<string, DateTimeOffset> Opened { get; } = new();

        public ConcurrentQueue<string> Failures { get; } = new();

        public long Answered => Interlocked.Read(ref _answered);

        /// <summary>What the cluster is going through, for the figures: the first calls (warming up), a silo starting or stopping.</summary>
        public string Phase
        {
            get => _phases.Last();
            set => _phases.Enqueue(value);
        }

        /// <summary>The longest callback begun in each phase, in the order of the phases.</summary>
        public IEnumerable<KeyValuePair<string, TimeSpan>> Longest => _phases.Where(_longest.ContainsKey).Select(p => KeyValuePair.Create(p, _longest[p]));

        public async Task PlayAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                var opened = await CallAsync("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId()));
                if (opened?["instanceId"] is not { } instanceId) continue;
                Opened[instanceId] = new DateTimeOffset(2027, 1, 31, 23, 59, 59, TimeSpan.Zero);
                await CallAsync("queryInstance", ("instanceId", instanceId));
                if (await CallAsync("refreshInstance", ("instanceId", instanceId), ("orderId", V1Orders.NewOrderId()), ("expireTime", "20300101000000")) is not null)
                {
                    Opened[instanceId] = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
                }

                await CallAsync("queryInstance", ("instanceId", instanceId));
            }
        }

        private async Task<SignedAnswer?> CallAsync(string activity, params (string Name, string Value)[] parameters)
        {
            var (started, phase) = (Stopwatch.GetTimestamp(), Phase);
            try
            {
                var answer = await marketplace.Call(activity, parameters);
                Interlocked.Increment(ref _answered);
                var took = Stopwatch.GetElapsedTime(started);
                _longest.AddOrUpdate(phase, took, (_, longest) => took > longest ? took : longest);
                if (answer.ResultCode == ResultCodes.Success) return answer;
                Failures.Enqueue($"{activity}: {answer.ResultCode} {answer.ResultMsg}");
            }
            catch (Exception e)
            {
                Failures.Enqueue($"{activity}: {e.GetType().Name}: {e.Message}");
            }

            return null;
        }
    }
}
