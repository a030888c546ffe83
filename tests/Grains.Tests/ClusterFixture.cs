using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Provisioning.Grains.Events;

namespace Provisioning.Grains.Tests;

/// <summary>A two-silo test cluster with in-memory storage, shared by the grain tests.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The events every silo's in-memory outbox holds, in each silo's order.</summary>
    public IReadOnlyList<SellerEvent> RecordedEvents =>
        [.. Cluster.Silos.Cast<InProcessSiloHandle>().SelectMany(s => s.SiloHost.Services.GetRequiredService<InMemorySellerEventOutbox>().Events)];

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            // Events are recorded (no application receives them: no events URL, so nothing is delivered).
            silo.Services.AddSingleton(new SellerEventPolicy(Enabled: true, IncludeTestTraffic: false));
            silo.AddGrainsInMemory(new Dictionary<string, string?>
            {
                ["Provisioning:Access:FrontEndUrl"] = "https://saas.example.com/login?instance={instanceId}&customer={customerName}",
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = nameof(ClusterCollection);
}
