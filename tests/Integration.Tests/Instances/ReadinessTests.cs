using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Provisioning.Infrastructure.Hosting;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Instances;

public sealed class ReadinessTests
{
    [Fact]
    public async Task A_client_mode_gateway_is_ready_only_while_it_reaches_a_silo_and_stays_live_throughout()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("gwready");
        var first = await SiloHost.StartAsync(database);
        await using var gateway = new ClientModeGateway(database);
        var http = gateway.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        await first.StopAsync();
        first.Dispose();

        await Eventually.True(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable, "the gateway without a silo is not ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);

        using var second = await SiloHost.StartAsync(database);
        await Eventually.True(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "the gateway is ready again with a new silo", TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        await second.StopAsync();
    }

    [Fact]
    public async Task A_silo_is_not_ready_while_its_database_refuses_connections_and_ready_again_after()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("siloready");
        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        var server = new NpgsqlConnectionStringBuilder(database) { Database = "postgres" }.ConnectionString;
        using var silo = await SiloHost.StartAsync(database);
        var health = silo.Services.GetRequiredService<HealthCheckService>();
        Assert.Equal(HealthStatus.Healthy, (await ReadinessAsync(health)).Status);

        HealthReport down;
        try
        {
            // The database goes away for this silo alone: no new sessions, and the pooled ones are ended by the server.
            await Sql.ExecuteAsync(server, $"ALTER DATABASE {name} ALLOW_CONNECTIONS false");
            await Sql.QueryAsync(server, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name", r => r.GetBoolean(0), ("name", name));
            down = await ReadinessAsync(health);
        }
        finally
        {
            await Sql.ExecuteAsync(server, $"ALTER DATABASE {name} ALLOW_CONNECTIONS true");
        }

        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.Equal(HealthStatus.Unhealthy, down.Entries["database"].Status);
        Assert.StartsWith("database unavailable", down.Entries["database"].Description);
        Assert.Equal(HealthStatus.Healthy, down.Entries["membership"].Status);
        await Eventually.True(async () => (await ReadinessAsync(health)).Status == HealthStatus.Healthy, "the silo is ready again with its database back");
        await silo.StopAsync();
    }

    [Fact]
    public async Task The_database_check_fails_fast_on_a_closed_port_and_never_names_the_password()
    {
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={GatewayFactory.FreePort()};Username=u;Password=s3cret-pw;Database=d");
        var check = new DatabaseHealthCheck(dataSource);
        var clock = Stopwatch.StartNew();

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("database unavailable", result.Description);
        Assert.DoesNotContain("s3cret-pw", result.Description);
        Assert.True(clock.Elapsed < DatabaseHealthCheck.Timeout + TimeSpan.FromSeconds(1), $"the check took {clock.Elapsed}");
    }

    private static Task<HealthReport> ReadinessAsync(HealthCheckService health) =>
        health.CheckHealthAsync(check => check.Tags.Contains(HealthProbes.Ready));
}
