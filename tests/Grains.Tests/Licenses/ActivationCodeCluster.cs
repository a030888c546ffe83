using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Provisioning.Grains.Licenses;
using Provisioning.Testing;

namespace Provisioning.Grains.Tests.Licenses;

/// <summary>A one-silo test cluster whose clock the tests move (<see cref="Clock"/>) and whose marketplace they script.</summary>
public sealed class ActivationCodeCluster : IAsyncLifetime
{
    /// <summary>The silo's clock: silo configurators cannot capture instances, so the tests share this one.</summary>
    public static ShiftedClock Clock { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddGrainsInMemory();
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.AddSingleton<IActivationCodeMarketplace, ScriptedActivationCodes>();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ActivationCodeCollection : ICollectionFixture<ActivationCodeCluster>
{
    public const string Name = nameof(ActivationCodeCollection);
}
