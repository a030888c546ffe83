using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Orders;
using Provisioning.Infrastructure.Hosting;
using Provisioning.Testing;

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
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Provisioning:RetryPeriod"] = "00:00:01",
                ["Provisioning:PollPeriod"] = "00:00:00.050",
            }).Build();
            silo.AddProvisioningGrains(configuration)
                .AddMemoryGrainStorage(StorageNames.Grains)
                .UseInMemoryReminderService()
                .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
            silo.Services.AddSingleton<IOrderSource, ScriptedOrders>();
            silo.Services.AddSingleton<ITenantProvisioner, ScriptedTenants>();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class HookedClusterCollection : ICollectionFixture<HookedClusterFixture>
{
    public const string Name = nameof(HookedClusterCollection);
}
