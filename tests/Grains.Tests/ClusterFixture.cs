using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Provisioning.Grains.Events;

namespace Provisioning.Grains.Tests;

/// <summary>A two-silo test cluster with in-memory storage, shared by the grain tests.</summary>
public sealed class ClusterFixture() : TestClusterFixture<ClusterFixture.SiloConfigurator>(2)
{
    /// <summary>The events every silo's in-memory outbox holds, in each silo's order.</summary>
    public IReadOnlyList<SellerEvent> RecordedEvents =>
        [.. Cluster.Silos.Cast<InProcessSiloHandle>().SelectMany(s => s.SiloHost.Services.GetRequiredService<InMemorySellerEventOutbox>().Events)];

    public sealed class SiloConfigurator : ISiloConfigurator
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
