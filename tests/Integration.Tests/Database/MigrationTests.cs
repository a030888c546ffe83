using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Provisioning.Infrastructure.Postgres;
using Provisioning.Integration.Tests.Postgres;

namespace Provisioning.Integration.Tests.Database;

public sealed class MigrationTests
{
    private static readonly string[] OrleansTables =
        ["orleansquery", "orleansmembershipversiontable", "orleansmembershiptable", "orleansstorage", "orleansreminderstable"];

    // The query keys that Orleans 10.4.2's ADO.NET clustering, grain storage and reminders providers load.
    private static readonly string[] OrleansQueryKeys =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
        "MembershipReadRowKey", "MembershipReadAllKey", "GatewaysQueryKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey",
        "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    private static readonly string[] EmbeddedMigrations =
    [
        .. typeof(ProvisioningDatabase).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("Migrations.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public async Task Migrating_an_empty_database_creates_the_orleans_tables_and_queries()
    {
        var database = await PostgresServer.CreateDatabaseAsync("empty");

        await ProvisioningDatabase.MigrateAsync(database, NullLogger.Instance);

        var tables = await Sql.QueryAsync(
            database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'", row => row.GetString(0));
        Assert.Subset(tables.ToHashSet(), OrleansTables.ToHashSet());
        var queryKeys = await Sql.QueryAsync(database, "SELECT QueryKey FROM OrleansQuery", row => row.GetString(0));
        Assert.Equal(OrleansQueryKeys.Order(), queryKeys.Order());
        Assert.Equal(EmbeddedMigrations, (await JournalAsync(database)).Select(entry => entry.Script));
    }

    [Fact]
    public async Task Migrating_a_migrated_database_again_changes_nothing()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("again");
        var journal = await JournalAsync(database);

        await ProvisioningDatabase.MigrateAsync(database, NullLogger.Instance);

        Assert.Equal(journal, await JournalAsync(database));
    }

    [Fact]
    public async Task Reapplying_the_migrations_over_an_existing_schema_succeeds_and_restores_the_queries()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("reapply");
        var queries = await QueriesAsync(database);
        // As if a script had been applied by hand, or half-applied, without reaching the journal.
        await Sql.ExecuteAsync(database, "UPDATE OrleansQuery SET QueryText = 'edited by hand'");
        await Sql.ExecuteAsync(database, "DELETE FROM schema_migrations");

        await ProvisioningDatabase.MigrateAsync(database, NullLogger.Instance);

        Assert.Equal(queries, await QueriesAsync(database));
        Assert.Equal(EmbeddedMigrations, (await JournalAsync(database)).Select(entry => entry.Script));
    }

    [Fact]
    public async Task Concurrent_migrators_all_succeed_and_apply_each_migration_once()
    {
        var database = await PostgresServer.CreateDatabaseAsync("concurrent");

        // Several silos starting at once; more than two make an unserialized race near certain.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => ProvisioningDatabase.MigrateAsync(database, NullLogger.Instance))));

        Assert.Equal(EmbeddedMigrations, (await JournalAsync(database)).Select(entry => entry.Script));
    }

    [Fact]
    public async Task A_failing_migration_is_named_and_leaves_nothing_half_applied()
    {
        var database = await PostgresServer.CreateDatabaseAsync("failing");
        // A stray table under our name makes the second migration's query rows unwritable.
        await Sql.ExecuteAsync(database, "CREATE TABLE OrleansQuery (QueryKey integer)");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ProvisioningDatabase.MigrateAsync(database, NullLogger.Instance));

        Assert.Contains("0002_orleans_membership.sql", failure.Message);
        Assert.IsType<PostgresException>(failure.InnerException);
        Assert.Equal([EmbeddedMigrations[0]], (await JournalAsync(database)).Select(entry => entry.Script));
        var membershipTables = await Sql.QueryAsync(
            database, "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'orleansmembership%'", row => row.GetInt64(0));
        Assert.Equal(0, membershipTables.Single());
    }

    [Fact]
    public async Task Migration_logs_name_the_database_but_never_the_password()
    {
        const string password = "never-log-this-password";
        var database = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateDatabaseAsync("logging"))
        {
            // The test server trusts local connections, so any password is accepted.
            Password = password,
        };
        var logger = new RecordingLogger();

        await ProvisioningDatabase.MigrateAsync(database.ConnectionString, logger);
        await ProvisioningDatabase.MigrateAsync(database.ConnectionString, logger);

        Assert.Contains(logger.Messages, message => message.Contains("0004_orleans_reminders.sql") && message.Contains(database.Database!));
        Assert.Contains(logger.Messages, message => message.Contains("up to date"));
        Assert.DoesNotContain(logger.Messages, message => message.Contains(password));
    }

    private static Task<IReadOnlyList<(string Key, string Text)>> QueriesAsync(string database) =>
        Sql.QueryAsync(
            database, "SELECT QueryKey, QueryText FROM OrleansQuery ORDER BY QueryKey", row => (row.GetString(0), row.GetString(1)));

    private static Task<IReadOnlyList<(string Script, DateTime Applied)>> JournalAsync(string database) =>
        Sql.QueryAsync(
            database,
            "SELECT ScriptName, Applied FROM schema_migrations ORDER BY SchemaVersionsId",
            row => (row.GetString(0), row.GetDateTime(1)));
}
