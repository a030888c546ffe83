using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService;
using Provisioning.Integration.Tests.Postgres;

namespace Provisioning.Integration.Tests.Database;

/// <summary>Drives Orleans' ADO.NET membership table directly, for the cases a running cluster rarely shows.</summary>
public sealed class MembershipTableTests
{
    private static readonly DateTime LongAgo = DateTime.UtcNow.AddDays(-10);

    [Fact]
    public async Task Clean_up_removes_silos_dead_before_the_cutoff_and_keeps_the_others()
    {
        var table = await CreateTableAsync();
        var deadLongAgo = Silo(1, SiloStatus.Dead, LongAgo);
        var deadRecently = Silo(2, SiloStatus.Dead, DateTime.UtcNow);
        var activeSinceLongAgo = Silo(3, SiloStatus.Active, LongAgo);
        foreach (var silo in new[] { deadLongAgo, deadRecently, activeSinceLongAgo })
        {
            Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version.Next()));
        }

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddDays(-1));

        var remaining = (await table.ReadAllAsync()).Members.Select(member => member.Item1.SiloAddress);
        Assert.Equal(
            new[] { deadRecently.SiloAddress, activeSinceLongAgo.SiloAddress }.OrderBy(address => address.Generation),
            remaining.OrderBy(address => address.Generation));
    }

    [Fact]
    public async Task A_change_based_on_a_stale_table_version_is_refused_and_changes_nothing()
    {
        var table = await CreateTableAsync();
        var silo = Silo(1, SiloStatus.Joining, DateTime.UtcNow);
        var staleVersion = (await table.ReadAllAsync()).Version;
        Assert.True(await table.InsertRowAsync(silo, staleVersion.Next()));
        var (stored, etag) = (await table.ReadRowAsync(silo.SiloAddress)).Members.Single();
        silo.Status = SiloStatus.Active;

        Assert.False(await table.UpdateRowAsync(silo, etag, staleVersion.Next()));
        Assert.False(await table.InsertRowAsync(Silo(2, SiloStatus.Joining, DateTime.UtcNow), staleVersion.Next()));

        var current = await table.ReadAllAsync();
        Assert.Equal(staleVersion.Next().Version, current.Version.Version);
        Assert.Equal(SiloStatus.Joining, current.Members.Single().Item1.Status);
        Assert.Equal(stored.SiloAddress, current.Members.Single().Item1.SiloAddress);
    }

    private static async Task<AdoNetClusteringTable> CreateTableAsync()
    {
        var connectionString = await PostgresServer.CreateMigratedDatabaseAsync("membership");
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = "membership-test", ServiceId = "provisioning" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = "Npgsql", ConnectionString = connectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }

    private static MembershipEntry Silo(int generation, SiloStatus status, DateTime since) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, 11111, generation),
        SiloName = $"silo-{generation}",
        HostName = "localhost",
        Status = status,
        ProxyPort = 30000,
        StartTime = since,
        IAmAliveTime = since,
    };
}
