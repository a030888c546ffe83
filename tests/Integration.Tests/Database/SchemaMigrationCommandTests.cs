using Microsoft.Extensions.Configuration;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.Silo;

namespace Provisioning.Integration.Tests.Database;

public sealed class SchemaMigrationCommandTests
{
    private static IConfiguration Configuration(string? connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Provisioning"] = connectionString }).Build();

    [Fact]
    public async Task The_migrate_command_applies_the_schema_and_can_run_again()
    {
        var database = await PostgresServer.CreateDatabaseAsync("migratecmd");

        Assert.Equal(0, await SchemaMigration.RunAsync(Configuration(database)));
        Assert.Equal(0, await SchemaMigration.RunAsync(Configuration(database)));

        var tables = await Sql.QueryAsync(database, "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'", r => r.GetString(0));
        Assert.Contains("orleansstorage", tables);
        Assert.Contains("orleansmembershiptable", tables);
        Assert.Contains("orleansreminderstable", tables);
    }

    [Fact]
    public async Task The_migrate_command_without_a_database_fails_with_exit_code_2() =>
        Assert.Equal(2, await SchemaMigration.RunAsync(Configuration(null)));
}
