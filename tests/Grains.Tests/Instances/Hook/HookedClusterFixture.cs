using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Tests.Instances.Hook;

/// <summary>A one-silo test cluster with the provisioning hook on, answered by <see cref="ScriptedTenants"/>.</summary>
public sealed class HookedClusterFixture : TestClusterFixture<HookedClusterFixture.SiloConfigurator>
{
    public sealed class SiloConfigurator : ISiloConfigurator
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
