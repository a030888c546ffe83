using System.Text.Json;
using Provisioning.Grains.Events;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Tenants;
using Provisioning.Testing;

namespace Provisioning.Grains.Tests.Tenants;

/// <summary>The tenant events the Kit syncs record: one per applied change, none for a retry, no secrets or personal data.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TenantEventTests(ClusterFixture fixture)
{
    private static TenantProfileSync Profile(string? instanceId, SyncAction action = SyncAction.Add, string name = "Acme") =>
        new(instanceId, "CS1906666666ABCDE", "acme", name, "https://acme.example.com", action);

    private (ITenantGrain Grain, string TenantId) NewTenant(Traffic traffic = Traffic.Live)
    {
        var tenantId = Guid.NewGuid().ToString("N");
        return (fixture.Grains.GetTenant(new TenantAddress(tenantId, traffic)), tenantId);
    }

    private IReadOnlyList<SellerEvent> EventsOf(string tenantId, Traffic traffic = Traffic.Live) =>
        [.. fixture.RecordedEvents.Where(e => e.Stream == SellerEventStreams.Of(new TenantAddress(tenantId, traffic)))];

    [Fact]
    public async Task Each_applied_sync_records_one_event_of_its_type_and_a_retried_sync_none()
    {
        var (tenant, tenantId) = NewTenant();
        var users = new UserSync("app-1", [TenantDirectoryContract.User("zhangsan01")], DateTimeOffset.UtcNow, SyncAction.Add);
        var department = new Department("10001", "R&D", null);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            await tenant.SyncProfile(Profile("i-1"));
            await tenant.SyncApplication(new ApplicationSync("i-1", "app-1", "client-1", "cipher-1", SyncAction.Add));
            await tenant.SyncUsers(users);
            await tenant.SyncDepartment(department, SyncAction.Add);
            await tenant.ReplaceDepartments([department, new Department("10002", "QA", "10001")]);
        }

        Assert.Equal(
            [TenantEvents.Synced, TenantEvents.Synced, TenantEvents.UsersChanged, TenantEvents.DepartmentsChanged, TenantEvents.DepartmentsChanged],
            EventsOf(tenantId).Select(e => e.Type));
    }

    [Fact]
    public async Task Event_data_names_what_changed_by_ids_and_never_carries_secrets_or_personal_data()
    {
        var (tenant, tenantId) = NewTenant();
        var user = TenantDirectoryContract.User("zhangsan01", name: "Zhang San") with { Mobile = "13800000000", Email = "zhang@example.com" };

        await tenant.SyncApplication(new ApplicationSync("i-1", "app-1", "client-1", "encrypted-secret", SyncAction.Add));
        await tenant.SyncUsers(new UserSync("app-1", [user], DateTimeOffset.UtcNow, SyncAction.Add));

        var events = EventsOf(tenantId);
        var application = JsonDocument.Parse(events[0].Data).RootElement;
        Assert.Equal((tenantId, false, "application", "add", "app-1"),
            (application.GetProperty("tenantId").GetString(), application.GetProperty("test").GetBoolean(), application.GetProperty("change").GetString(),
             application.GetProperty("action").GetString(), application.GetProperty("appId").GetString()));
        var users = JsonDocument.Parse(events[1].Data).RootElement;
        Assert.Equal((1, "zhangsan01"), (users.GetProperty("count").GetInt32(), users.GetProperty("userNames")[0].GetString()));
        Assert.All(events, e => Assert.DoesNotContain("encrypted-secret", e.Data));
        Assert.All(events, e => Assert.DoesNotContain("13800000000", e.Data));
        Assert.All(events, e => Assert.DoesNotContain("zhang@example.com", e.Data));
        Assert.All(events, e => Assert.DoesNotContain("Zhang San", e.Data));
    }

    [Fact]
    public async Task Test_traffic_records_no_events_unless_asked()
    {
        var (tenant, tenantId) = NewTenant(Traffic.Test);

        await tenant.SyncProfile(Profile("i-1"));
        await tenant.SyncUsers(new UserSync("app-1", [TenantDirectoryContract.User("debug-user")], DateTimeOffset.UtcNow, SyncAction.Add));

        Assert.NotNull(await tenant.Get());
        Assert.Empty(EventsOf(tenantId, Traffic.Test));
    }

    [Fact]
    public async Task A_change_after_a_change_back_is_an_event_again()
    {
        var (tenant, tenantId) = NewTenant();

        await tenant.SyncProfile(Profile("i-1", name: "Acme"));
        await tenant.SyncProfile(Profile("i-1", SyncAction.Modify, name: "Acme 2"));
        await tenant.SyncProfile(Profile("i-1", SyncAction.Modify, name: "Acme"));
        await tenant.SyncProfile(Profile("i-1", SyncAction.Delete));
        await tenant.SyncProfile(Profile("i-1", SyncAction.Delete));

        var events = EventsOf(tenantId);
        Assert.Equal(4, events.Count);
        Assert.Equal(4, events.Select(e => e.EventId).Distinct().Count());
    }
}
