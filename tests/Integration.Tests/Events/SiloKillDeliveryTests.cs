using Npgsql;
using Provisioning.Integration.Tests.Instances;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Kit;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Events;

/// <summary>
/// A silo process delivering tenant events is SIGKILLed mid-delivery: the gateway's co-hosted silo takes over its leases
/// once they end, and the application still receives every event, in order per tenant, under one id each.
/// </summary>
public sealed class SiloKillDeliveryTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private sealed class DeliveringGateway(string connectionString, IReadOnlyDictionary<string, string?> application) : GatewayFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings
        {
            get
            {
                var all = new Dictionary<string, string?>(base.Settings) { ["ConnectionStrings:Provisioning"] = connectionString };
                foreach (var (name, value) in application) all[name] = value;
                return all;
            }
        }
    }

    private static async Task<List<(string EventId, string Stream)>> OutboxOrderAsync(string connectionString)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var command = database.CreateCommand("SELECT event_id, stream FROM seller_event_outbox ORDER BY seq");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    [Fact]
    public async Task Every_event_arrives_in_order_when_a_delivering_silo_is_killed()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("silokill");
        await using var application = await SellerApplicationReceiver.StartAsync(Secret, lateBy: TimeSpan.Zero);
        application.AcceptAfter = TimeSpan.FromMilliseconds(300);
        var settings = new Dictionary<string, string?>
        {
            ["SellerApplication:EventsUrl"] = application.Url.ToString(),
            ["SellerApplication:SigningSecret"] = Secret,
            ["SellerApplication:RequestTimeout"] = "00:00:02",
            ["SellerApplication:LeaseDuration"] = "00:00:03",
            ["SellerApplication:PollPeriod"] = "00:00:00.100",
            ["SellerApplication:RetryDelay"] = "00:00:00.100",
            ["SellerApplication:MaxRetryDelay"] = "00:00:00.500",
        };
        using var silo = await SiloProcess.StartAsync(database, TimeSpan.FromSeconds(60), settings);
        await using var gateway = new DeliveringGateway(database, settings);
        var kit = new KitClient(gateway.CreateClient(), KitGeneration.V2);
        var tenants = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid().ToString("N")).ToArray();

        for (var n = 0; n < 4; n++)
        {
            foreach (var tenantId in tenants)
            {
                var answer = await kit.Sync("singleOrgSync", new { instanceId = "i-1", tenantId, orgCode = $"1000{n}", orgName = "R&D", parentCode = "", flag = 1, testFlag = 0, timeStamp = KitMarketplace.Stamp() });
                Assert.Equal(ResultCodes.Success, answer.ResultCode);
            }
        }

        await Eventually.True(() => application.Requests.Count >= 4, "deliveries started", TimeSpan.FromSeconds(30));
        silo.Kill();

        var recorded = await OutboxOrderAsync(database);
        Assert.Equal(tenants.Length * 4, recorded.Count);
        await Eventually.True(() => application.Taken.Select(a => a.EventId).Distinct().Count() == recorded.Count,
            "the application took every event after the kill", TimeSpan.FromSeconds(90));
        Assert.Equal(0, application.BadSignatures);
        foreach (var tenantId in tenants)
        {
            var stream = "tenant:live/" + tenantId;
            Assert.Equal(recorded.Where(r => r.Stream == stream).Select(r => r.EventId),
                application.FirstTaken(a => a.Data.GetProperty("tenantId").GetString() == tenantId));
        }
    }
}
