using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Provisioning.Infrastructure.Hosting;

/// <summary>Ready while PostgreSQL answers a trivial query, through the host's own pooled data source, within a short timeout.</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    // A probe must answer before the orchestrator's own probe timeout (commonly 1–5 s), also when the server is unreachable.
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The exception's message names the failure (refused, timeout, SQLSTATE) but never the connection string's password.
            return HealthCheckResult.Unhealthy($"database unavailable: {Describe(e)}");
        }
    }

    private static string Describe(Exception e) => e switch
    {
        PostgresException postgres => $"{postgres.SqlState} {postgres.MessageText}",
        OperationCanceledException => $"no answer within {Timeout.TotalSeconds:0} s",
        _ => e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message,
    };
}
