using Npgsql;
using Provisioning.Grains.Events;
using Provisioning.Grains.Instances;
using Provisioning.Infrastructure.Postgres;
using Provisioning.Integration.Tests.Postgres;

namespace Provisioning.Integration.Tests.Instances;

/// <summary>The instance query model in PostgreSQL (deploy/sql/0009): versioned upserts, events in the same write, keyset pages.</summary>
public sealed class InstanceViewTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    internal static ProjectedInstance Row(
        string id, long version, InstanceStatus status = InstanceStatus.Active, Traffic traffic = Traffic.Live, string product = "p-1",
        string customer = "c-1", DateTimeOffset? expires = null, string? duplicateOf = null) =>
        new(new InstanceView(id, traffic, status, product, "sku", ChargingMode.Periodic, false, customer, "o-" + id, "o-" + version, expires, T0,
            T0.AddMinutes(version), version), duplicateOf, (int)version);

    private static SellerEvent Event(string id, string instance) => new(id, "instance:live/" + instance, "instance.opened", T0, Traffic.Live, "{\"n\":1}");

    [Fact]
    public async Task An_older_version_never_overwrites_a_newer_row_and_events_are_recorded_once()
    {
        await using var database = NpgsqlDataSource.Create(await PostgresServer.CreateMigratedDatabaseAsync("views_upsert"));

        await PostgresInstanceProjection.WriteAsync(database, [Row("i-1", 2, InstanceStatus.Frozen)], [Event("evt_a", "i-1")], CancellationToken.None);
        await PostgresInstanceProjection.WriteAsync(database, [Row("i-1", 1, InstanceStatus.Active)], [Event("evt_a", "i-1")], CancellationToken.None);
        var afterOlder = await Single(database, "i-1");
        await PostgresInstanceProjection.WriteAsync(database, [Row("i-1", 3, InstanceStatus.Released)], [Event("evt_b", "i-1")], CancellationToken.None);
        var afterNewer = await Single(database, "i-1");

        Assert.Equal((InstanceStatus.Frozen, 2L), (afterOlder.Status, afterOlder.Version));
        Assert.Equal((InstanceStatus.Released, 3L), (afterNewer.Status, afterNewer.Version));
        await using var events = database.CreateCommand("SELECT string_agg(event_id, ',' ORDER BY seq) FROM seller_event_outbox");
        Assert.Equal("evt_a,evt_b", await events.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_failing_statement_writes_neither_the_rows_nor_the_events()
    {
        await using var database = NpgsqlDataSource.Create(await PostgresServer.CreateMigratedDatabaseAsync("views_atomic"));
        var noOrder = Row("i-1", 1) with { View = Row("i-1", 1).View with { OpeningOrderId = null! } };

        await Assert.ThrowsAsync<PostgresException>(() =>
            PostgresInstanceProjection.WriteAsync(database, [noOrder], [Event("evt_a", "i-1")], CancellationToken.None));

        await using var count = database.CreateCommand("SELECT (SELECT count(*) FROM instance_views) + (SELECT count(*) FROM seller_event_outbox)");
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Pages_follow_instance_id_order_for_every_filter_in_the_table_as_in_memory()
    {
        await using var database = NpgsqlDataSource.Create(await PostgresServer.CreateMigratedDatabaseAsync("views_pages"));
        var statuses = Enum.GetValues<InstanceStatus>();
        var rows = Enumerable.Range(0, 60).Select(i => Row(
            $"inst-{(i * 37) % 60:D2}-{(char)('a' + i % 3)}", 1 + i % 4, statuses[i % statuses.Length], i % 10 == 0 ? Traffic.Test : Traffic.Live,
            "p-" + i % 3, "c-" + i % 5, i % 2 == 0 ? T0.AddDays(i) : null, i % 13 == 0 ? "holder" : null)).ToList();
        await PostgresInstanceProjection.WriteAsync(database, rows, [], CancellationToken.None);
        var memory = new InMemoryInstanceViews(new InMemorySellerEventOutbox(TimeProvider.System, new SellerEventNudge()));
        foreach (var row in rows) await memory.ProjectAsync(row, [], CancellationToken.None);
        var table = new PostgresInstanceViews(database);

        var queries = new[]
        {
            Query(),
            Query() with { Traffic = Traffic.Test },
            Query() with { Status = InstanceStatus.Frozen },
            Query() with { ProductId = "p-1" },
            Query() with { CustomerId = "c-2", Status = InstanceStatus.Active },
            Query() with { ExpiresBefore = T0.AddDays(30) },
        };
        foreach (var query in queries)
        {
            var expected = rows
                .Where(r => r.DuplicateOf is null && r.View.Traffic == query.Traffic)
                .Where(r => query.Status is null || r.View.Status == query.Status)
                .Where(r => query.ProductId is null || r.View.ProductId == query.ProductId)
                .Where(r => query.CustomerId is null || r.View.CustomerId == query.CustomerId)
                .Where(r => query.ExpiresBefore is null || r.View.ExpiresAt < query.ExpiresBefore)
                .Select(r => r.View.InstanceId).Order(StringComparer.Ordinal).ToList();

            Assert.Equal(expected, await PageThrough(table, query));
            Assert.Equal(expected, await PageThrough(memory, query));
        }
    }

    [Fact]
    public async Task Counts_by_traffic_status_and_product_leave_duplicates_out_in_the_table_as_in_memory()
    {
        await using var database = NpgsqlDataSource.Create(await PostgresServer.CreateMigratedDatabaseAsync("views_counts"));
        ProjectedInstance[] rows =
        [
            Row("i-1", 1), Row("i-2", 1), Row("i-3", 1, InstanceStatus.Frozen), Row("i-4", 1, product: "p-2"),
            Row("i-5", 1, traffic: Traffic.Test), Row("i-6", 1, duplicateOf: "i-1"),
        ];
        await PostgresInstanceProjection.WriteAsync(database, rows, [], CancellationToken.None);
        var memory = new InMemoryInstanceViews(new InMemorySellerEventOutbox(TimeProvider.System, new SellerEventNudge()));
        foreach (var row in rows) await memory.ProjectAsync(row, [], CancellationToken.None);
        InstanceCount[] expected =
        [
            new(Traffic.Live, InstanceStatus.Active, "p-1", 2), new(Traffic.Live, InstanceStatus.Active, "p-2", 1),
            new(Traffic.Live, InstanceStatus.Frozen, "p-1", 1), new(Traffic.Test, InstanceStatus.Active, "p-1", 1),
        ];

        static InstanceCount[] Sorted(IEnumerable<InstanceCount> counts) =>
            [.. counts.OrderBy(c => c.Traffic).ThenBy(c => c.Status).ThenBy(c => c.ProductId, StringComparer.Ordinal)];
        Assert.Equal(expected, Sorted(await new PostgresInstanceViews(database).CountAsync(CancellationToken.None)));
        Assert.Equal(expected, Sorted(await memory.CountAsync(CancellationToken.None)));
    }

    private static InstanceQuery Query() => new(Traffic.Live, null, null, null, null, null, 7);

    private static async Task<List<string>> PageThrough(IInstanceViewReader reader, InstanceQuery query)
    {
        var ids = new List<string>();
        for (string? after = null; ;)
        {
            var page = await reader.ListAsync(query with { After = after }, CancellationToken.None);
            Assert.True(page.Instances.Count <= query.Limit);
            ids.AddRange(page.Instances.Select(v => v.InstanceId));
            if (page.NextAfter is null) return ids;
            after = page.NextAfter;
        }
    }

    private static async Task<InstanceView> Single(NpgsqlDataSource database, string id) =>
        Assert.Single((await new PostgresInstanceViews(database).ListAsync(
            new InstanceQuery(Traffic.Live, null, null, null, null, null, 10), CancellationToken.None)).Instances, v => v.InstanceId == id);
}
