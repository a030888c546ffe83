using Microsoft.Extensions.Configuration;
using Orleans.Configuration;
using Orleans.TestingHost;
using Provisioning.Infrastructure.Hosting;
using Provisioning.Integration.Tests.Database;

namespace Provisioning.Integration.Tests.Postgres;

/// <summary>
/// Two silos on the production configuration (PostgreSQL for everything, via <c>AddProvisioning</c>) whose failure
/// detection is quickened, so a test can kill one and see the survivor take over; the client waits 5 s per call.
/// </summary>
internal static class KillableCluster
{
    public static TestClusterBuilder Builder(string database, string clusterId, IReadOnlyDictionary<string, string>? settings = null)
    {
        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.Options.ServiceId = "provisioning";
        builder.Options.ClusterId = clusterId;
        builder.Properties["ConnectionStrings:Provisioning"] = database;
        builder.Properties[PostgresProviders.ConnectionStringKey] = database;
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) builder.Properties[name] = value;
        builder.AddSiloBuilderConfigurator<ProductionSilo>();
        builder.AddClientBuilderConfigurator<PostgresProviders>();
        builder.AddClientBuilderConfigurator<PatientClient>();
        return builder;
    }

    /// <summary>
    /// Calls to activations of a killed silo fail until the cluster declares it dead; the caller retries, as the marketplace
    /// or the seller's application would.
    /// </summary>
    public static async Task<T> Surviving<T>(Func<Task<T>> call)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(200))
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is TimeoutException or OrleansException && DateTime.UtcNow < deadline)
            {
                // Try again.
            }
        }
    }

    private sealed class ProductionSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo
            .AddProvisioning(silo.Configuration)
            .Configure<ClusterMembershipOptions>(o => (o.ProbeTimeout, o.NumMissedProbesLimit) = (TimeSpan.FromSeconds(1), 2));
    }

    private sealed class PatientClient : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder client) =>
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5));
    }
}
