using Orleans.TestingHost;
using Provisioning.Integration.Tests.Postgres;

namespace Provisioning.Integration.Tests.Database;

/// <summary>
/// Two deployments of one service on one migrated database, as in a blue/green rollout: Blue (two
/// silos) and Green (one silo) share the ServiceId, so they share grain state and reminders, and
/// keep separate membership under their own ClusterId.
/// </summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    public const string ServiceId = "provisioning";

    public string ConnectionString { get; private set; } = "";

    public TestCluster Blue { get; private set; } = null!;

    public TestCluster Green { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateMigratedDatabaseAsync("orleans");
        Blue = await DeployAsync("blue", silos: 2);
        Green = await DeployAsync("green", silos: 1);
    }

    public async Task DisposeAsync()
    {
        // Deploying may have failed half-way.
        if (Green is not null)
        {
            await Green.DisposeAsync();
        }

        if (Blue is not null)
        {
            await Blue.DisposeAsync();
        }
    }

    private async Task<TestCluster> DeployAsync(string clusterId, short silos)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ClusterId = clusterId;
        builder.Options.ServiceId = ServiceId;
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ConfigureFileLogging = false;
        builder.Properties[PostgresProviders.ConnectionStringKey] = ConnectionString;
        builder.AddSiloBuilderConfigurator<PostgresProviders>();
        builder.AddClientBuilderConfigurator<PostgresProviders>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresClusterCollection : ICollectionFixture<PostgresClusterFixture>
{
    public const string Name = nameof(PostgresClusterCollection);
}
