using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Tests.Instances.Hook;

/// <summary>A one-silo test cluster with the provisioning hook on, answered by <see cref="ScriptedTenants"/>.</summary>
public sealed class HookedClusterFixture : IAsyncLifetime
{
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
            silo.Services.AddSingleton<ITenantProvisioner, ScriptedTenants>();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class HookedClusterCollection : ICollectionFixture<HookedClusterFixture>
{
    public const string Name = nameof(HookedClusterCollection);
}
