using Npgsql;

namespace Provisioning.Bench;

/// <summary>A fresh database on the throwaway server of scripts/with-postgres.sh, one per benchmark run.</summary>
internal static class BenchDatabase
{
    public static async Task<string> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable("PROVISIONING_TEST_PG")
            ?? throw new InvalidOperationException("PROVISIONING_TEST_PG is not set: run this through ./scripts/with-postgres.sh");
        var name = $"prov_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }
}
