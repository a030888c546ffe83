using System.Diagnostics;
using Npgsql;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.KooGallery;
using Provisioning.Testing;
using Xunit.Abstractions;

namespace Provisioning.Integration.Tests.Instances;

/// <summary>A client-mode gateway whose call is in flight on a silo that dies still answers inside the marketplace's 5 s (issue 10, item 3).</summary>
public sealed class InFlightFailureTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_call_in_flight_on_a_silo_that_is_SIGKILLed_is_answered_000005_inside_5_seconds()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("inflight");
        using var silo = await SiloProcess.StartAsync(database, within: TimeSpan.FromSeconds(60));
        // A callback timeout well under the marketplace's 5 s leaves the test a margin on a loaded machine.
        await using var gateway = new ClientModeGateway(database, new Dictionary<string, string?>
        {
            ["KooGallery:CallbackTimeout"] = "00:00:02",
            ["KooGallery:ProvisioningBudget"] = "00:00:01",
        });
        var marketplace = new V1Client(gateway.CreateClient());
        Assert.Equal(ResultCodes.Success, (await marketplace.Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId()))).ResultCode);

        // Grain state cannot be read while this transaction holds the table, so the next call waits inside the silo.
        await using var blocker = new NpgsqlConnection(database);
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE orleansstorage IN ACCESS EXCLUSIVE MODE", blocker, hold))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var sent = Stopwatch.StartNew();
        var call = marketplace.Call("newInstance", V1Orders.NewInstance(V1Orders.NewOrderId()));
        await Eventually.True(async () => await WaitingOnLocks(database) > 0, "the silo waits on the locked table");
        silo.Kill();
        var answer = await call.WaitAsync(TimeSpan.FromSeconds(40));
        sent.Stop();

        output.WriteLine($"A newInstance in flight on a SIGKILLed silo was answered {answer.ResultCode} after {sent.Elapsed.TotalSeconds:0.00} s.");
        Assert.Equal(ResultCodes.InternalError, answer.ResultCode);
        Assert.True(sent.Elapsed < TimeSpan.FromSeconds(5), $"the answer took {sent.Elapsed.TotalSeconds:0.00} s");
    }

    private static async Task<long> WaitingOnLocks(string database) =>
        (await Sql.QueryAsync(database, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", r => r.GetInt64(0))).Single();
}
