using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Provisioning.Infrastructure.Postgres;

namespace Provisioning.Integration.Tests.Postgres;

/// <summary>
/// The throwaway PostgreSQL server that ./scripts/test.sh starts. Each test (or fixture) creates
/// its own database on it, so tests never see each other's rows.
/// </summary>
public static class PostgresServer
{
    /// <summary>Environment variable holding the server's admin connection string.</summary>
    public const string ConnectionVariable = "PROVISIONING_TEST_PG";

    private static readonly Lazy<string> AdminConnectionString = new(() =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{ConnectionVariable} is not set: run ./scripts/test.sh, which starts a throwaway PostgreSQL"));

    // PostgreSQL truncates identifiers beyond 63 bytes: "prov_" + name + "_" + 32 hex digits fits.
    private const int MaxNameLength = 24;

    /// <summary>
    /// Creates an empty database named <c>prov_&lt;name&gt;_&lt;random&gt;</c> and returns its connection string.
    /// </summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        var database = $"prov_{Sanitize(name)}_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(AdminConnectionString.Value))
        {
            await admin.OpenAsync();
            // Identifiers cannot be bound as parameters; the name is built from [a-z0-9_] only.
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString.Value) { Database = database }.ConnectionString;
    }

    /// <summary>Creates a database as <see cref="CreateDatabaseAsync"/> does and migrates it to our schema.</summary>
    public static async Task<string> CreateMigratedDatabaseAsync(string name)
    {
        var connectionString = await CreateDatabaseAsync(name);
        await ProvisioningDatabase.MigrateAsync(connectionString, NullLogger.Instance);
        return connectionString;
    }

    private static string Sanitize(string name) =>
        new(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').Take(MaxNameLength).ToArray());
}
