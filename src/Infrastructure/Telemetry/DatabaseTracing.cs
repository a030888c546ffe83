using System.Diagnostics;
using Npgsql;

namespace Provisioning.Infrastructure.Telemetry;

/// <summary>
/// Which PostgreSQL commands make spans: only those run as part of a trace (a callback, a grain call, a reminder), so the
/// polling of every silo (membership, the event outbox, the gateway list) does not bury the traces in spans of their own.
/// </summary>
public static class DatabaseTracing
{
    public static NpgsqlDataSourceBuilder TraceWithinTraces(this NpgsqlDataSourceBuilder builder) =>
        builder.ConfigureTracing(tracing => tracing
            .ConfigureCommandFilter(_ => InTrace())
            .ConfigureBatchFilter(_ => InTrace())
            .ConfigureCopyOperationFilter(_ => InTrace()));

    /// <summary>A data source whose commands are traced as <see cref="TraceWithinTraces"/> says.</summary>
    public static NpgsqlDataSource Create(string connectionString) => new NpgsqlDataSourceBuilder(connectionString).TraceWithinTraces().Build();

    // A stopped activity can still be current in a loop that captured it when it started (a writer started by the first call).
    private static bool InTrace() => Activity.Current is { IsStopped: false };
}
