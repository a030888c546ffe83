using Orleans.TestingHost;

namespace Provisioning.Grains.Tests;

/// <summary>
/// A test cluster of <paramref name="silos"/> silos, each configured by <typeparamref name="TSilo"/> (in-memory storage and the
/// test doubles a fixture scripts), started once for the tests of a collection.
/// </summary>
public abstract class TestClusterFixture<TSilo>(short silos = 1) : IAsyncLifetime where TSilo : ISiloConfigurator, new()
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(silos);
        builder.AddSiloBuilderConfigurator<TSilo>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
