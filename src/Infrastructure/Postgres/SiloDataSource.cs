using Npgsql;
using Provisioning.Infrastructure.Telemetry;

namespace Provisioning.Infrastructure.Postgres;

/// <summary>The one data source that the silo's providers (clustering, grain storage, reminders) and our own tables share.</summary>
internal static class SiloDataSource
{
    // Nothing sets session state on these connections, so resetting it whenever one goes back to the pool (DISCARD ALL,
    // which also drops every cached plan, the storage function's included) is pure cost; and the providers repeat a
    // handful of statements, so each connection prepares them once. Together they halve PostgreSQL's CPU time per new
    // instance (bench/README.md). They come first, so that the same settings in the connection string win.
    private const string Defaults = "No Reset On Close=true;Max Auto Prepare=32;";

    public static NpgsqlDataSource Create(string connectionString) => DatabaseTracing.Create(Defaults + connectionString);
}
