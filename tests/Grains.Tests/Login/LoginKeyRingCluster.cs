using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using Provisioning.Testing;

namespace Provisioning.Grains.Tests.Login;

/// <summary>A one-silo test cluster whose clock the tests move and whose grain storage keeps JSON (as PostgreSQL's does) and counts writes.</summary>
public sealed class LoginKeyRingCluster : TestClusterFixture<LoginKeyRingCluster.SiloConfigurator>
{
    /// <summary>The silo's clock: silo configurators cannot capture instances, so the tests share this one.</summary>
    public static ShiftedClock Clock { get; } = new();

    internal JsonGrainStorage Storage =>
        ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services.GetRequiredService<JsonGrainStorage>();

    public sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddGrainsInMemory();
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.AddSingleton<JsonGrainStorage>();
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Grains, (sp, _) => sp.GetRequiredService<JsonGrainStorage>());
        }
    }

    /// <summary>Keeps each state as the silo's grain storage serializer writes it (System.Text.Json), and counts reads and writes per grain.</summary>
    internal sealed class JsonGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
    {
        private readonly ConcurrentDictionary<GrainId, (BinaryData State, int Writes, int Reads)> _grains = new();

        public int WritesOf(GrainId id) => _grains.TryGetValue(id, out var g) ? g.Writes : 0;

        public int ReadsOf(GrainId id) => _grains.TryGetValue(id, out var g) ? g.Reads : 0;

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            var entry = _grains.AddOrUpdate(grainId, _ => (BinaryData.Empty, 0, 1), (_, g) => g with { Reads = g.Reads + 1 });
            if (entry.Writes > 0)
            {
                grainState.State = serializer.Deserialize<T>(entry.State);
                (grainState.RecordExists, grainState.ETag) = (true, entry.Writes.ToString());
            }

            return Task.CompletedTask;
        }

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            var state = serializer.Serialize(grainState.State);
            var entry = _grains.AddOrUpdate(grainId, _ => (state, 1, 0), (_, g) => (state, g.Writes + 1, g.Reads));
            (grainState.RecordExists, grainState.ETag) = (true, entry.Writes.ToString());
            return Task.CompletedTask;
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => throw new NotSupportedException();
    }
}
