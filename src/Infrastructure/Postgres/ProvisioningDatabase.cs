using DbUp;
using DbUp.Engine;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>
/// Brings a given PostgreSQL database up to our schema by applying the SQL migrations embedded in
/// this assembly (deploy/sql), in name order, each in its own transaction.
/// </summary>
public static class ProvisioningDatabase
{
    // DbUp's journal of the applied migrations, one row per script.
    private const string JournalTable = "schema_migrations";

    private const string ScriptPrefix = "Migrations.";

    // Any fixed number works; every migrator of this schema must use the same one. Advisory locks
    // are scoped to one database, so migrators of different databases never wait for each other.
    private const long MigrationLockKey = 0x_5052_4F56_4D49_4752;

    /// <summary>
    /// Applies the migrations the database has not seen yet. Concurrent callers (for example two
    /// silos starting at once) take turns; the later ones find nothing left to do.
    /// </summary>
    /// <exception cref="InvalidOperationException">A migration failed; the message names it.</exception>
    public static async Task MigrateAsync(string connectionString, ILogger logger, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(logger);

        var target = new NpgsqlConnectionStringBuilder(connectionString);
        // The lock lives as long as this session. Without pooling, disposing the connection ends the
        // session, so the lock is released however this method exits.
        var lockSession = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var lockConnection = new NpgsqlConnection(lockSession.ConnectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await AcquireMigrationLockAsync(lockConnection, target, logger, cancellationToken);

        var upgrader = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(ProvisioningDatabase).Assembly, IsMigration)
            .WithTransactionPerScript()
            .JournalToPostgresqlTable(null, JournalTable)
            // Our scripts use PostgreSQL's $tag$ quoting, which DbUp would take for its variables.
            .WithVariablesDisabled()
            .LogToNowhere()
            .Build();

        var result = await Task.Run(upgrader.PerformUpgrade, cancellationToken);
        LogApplied(logger, target, result.Scripts);
        if (!result.Successful)
        {
            var failed = result.ErrorScript is { } script ? $"Migration {script.Name}" : "Migrating";
            throw new InvalidOperationException(
                $"{failed} failed on database '{target.Database}' at {target.Host}: {result.Error.Message}",
                result.Error);
        }
    }

    private static bool IsMigration(string resourceName) =>
        resourceName.StartsWith(ScriptPrefix, StringComparison.Ordinal);

    private static async Task AcquireMigrationLockAsync(
        NpgsqlConnection connection, NpgsqlConnectionStringBuilder target, ILogger logger, CancellationToken cancellationToken)
    {
        await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        tryLock.Parameters.AddWithValue("key", MigrationLockKey);
        if (await tryLock.ExecuteScalarAsync(cancellationToken) is true)
        {
            return;
        }

        logger.LogInformation(
            "Waiting for another migrator of database {Database} on {Host} to finish", target.Database, target.Host);
        // No command timeout: the other migrator may legitimately take long; cancellation still works.
        await using var waitForLock = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 };
        waitForLock.Parameters.AddWithValue("key", MigrationLockKey);
        await waitForLock.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void LogApplied(ILogger logger, NpgsqlConnectionStringBuilder target, IEnumerable<SqlScript> applied)
    {
        var names = applied.Select(script => script.Name).ToList();
        if (names.Count == 0)
        {
            logger.LogInformation("Database {Database} on {Host} is up to date", target.Database, target.Host);
            return;
        }

        logger.LogInformation(
            "Applied {Count} migration(s) to database {Database} on {Host}: {Migrations}",
            names.Count, target.Database, target.Host, string.Join(", ", names));
    }
}
