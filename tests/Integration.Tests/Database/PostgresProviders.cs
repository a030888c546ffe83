using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Provisioning.Integration.Tests.Database;

/// <summary>
/// Puts a test cluster's silos and client on Orleans' ADO.NET providers over our schema. TestCluster
/// creates configurators itself, so the connection string travels in the cluster's configuration.
/// </summary>
public sealed class PostgresProviders : ISiloConfigurator, IClientBuilderConfigurator
{
    public const string ConnectionStringKey = "ProvisioningTests:PostgresConnectionString";

    // Orleans loads the Npgsql provider by this name; grain storage would otherwise assume SQL Server.
    private const string Invariant = "Npgsql";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var connectionString = siloBuilder.Configuration[ConnectionStringKey];
        siloBuilder
            .UseAdoNetClustering(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
            })
            .AddAdoNetGrainStorage(ProbeGrain.StorageName, options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
            })
            .UseSystemTextJsonGrainStorageSerializer()
            .UseAdoNetReminderService(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = connectionString;
            })
            // Test only: lets a reminder fire within the test's patience.
            .Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    }

    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = configuration[ConnectionStringKey];
        });
}
