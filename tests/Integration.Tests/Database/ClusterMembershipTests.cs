using Provisioning.Integration.Tests.Postgres;

namespace Provisioning.Integration.Tests.Database;

[Collection(PostgresClusterCollection.Name)]
public sealed class ClusterMembershipTests(PostgresClusterFixture fixture)
{
    private const int Active = 3;

    [Fact]
    public async Task Each_deployment_lists_its_running_silos_as_active_under_its_cluster_id()
    {
        var rows = await Sql.QueryAsync(
            fixture.ConnectionString,
            "SELECT DeploymentId, SiloName FROM OrleansMembershipTable WHERE Status = @active",
            row => (Cluster: row.GetString(0), Silo: row.GetString(1)),
            ("active", Active));

        Assert.Equal(fixture.Blue.Silos.Select(silo => silo.Name).Order(),
            rows.Where(row => row.Cluster == "blue").Select(row => row.Silo).Order());
        Assert.Equal(fixture.Green.Silos.Select(silo => silo.Name).Order(),
            rows.Where(row => row.Cluster == "green").Select(row => row.Silo).Order());
    }
}
