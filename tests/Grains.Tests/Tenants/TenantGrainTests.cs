using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Tenants;
using Provisioning.Testing;

namespace Provisioning.Grains.Tests.Tenants;

[Collection(ClusterCollection.Name)]
public sealed class TenantGrainTests(ClusterFixture fixture)
{
    private static TenantProfileSync Profile(string? instanceId, SyncAction action = SyncAction.Add, string name = "huaiweitest") =>
        new(instanceId, "CS1906666666ABCDE", "huawei", name, "https://example.tenantaccount.com", action);

    private (ITenantGrain Grain, string TenantId) NewTenant(Traffic traffic = Traffic.Live)
    {
        var tenantId = Guid.NewGuid().ToString("N");
        return (fixture.Grains.GetTenant(new TenantAddress(tenantId, traffic)), tenantId);
    }

    [Fact]
    public async Task A_tenant_bound_to_two_instances_keeps_the_other_when_one_is_unbound()
    {
        var (tenant, tenantId) = NewTenant();

        await tenant.SyncProfile(Profile("i-1"));
        await tenant.SyncProfile(Profile("i-2"));
        await tenant.SyncProfile(Profile("i-1"));
        await tenant.SyncProfile(Profile("i-1", SyncAction.Delete));
        await tenant.SyncProfile(Profile("i-1", SyncAction.Delete));

        var snapshot = await tenant.Get();
        Assert.Equal(tenantId, snapshot!.TenantId);
        Assert.Equal(["i-2"], snapshot.InstanceIds);
        Assert.False(snapshot.BoundBySeller);
    }

    [Fact]
    public async Task The_sellers_own_credential_application_binds_without_an_instance()
    {
        var (tenant, _) = NewTenant();

        await tenant.SyncProfile(Profile(null));

        var snapshot = await tenant.Get();
        Assert.True(snapshot!.BoundBySeller);
        Assert.Empty(snapshot.InstanceIds);
    }

    [Fact]
    public async Task A_modify_changes_the_name_and_domain_only()
    {
        var (tenant, _) = NewTenant();
        await tenant.SyncProfile(Profile("i-1"));

        await tenant.SyncProfile(Profile("i-9", SyncAction.Modify, name: "Renamed Co"));

        var snapshot = await tenant.Get();
        Assert.Equal("Renamed Co", snapshot!.Name);
        Assert.Equal(["i-1"], snapshot.InstanceIds);
    }

    [Fact]
    public async Task Applications_are_kept_per_app_and_deleted_idempotently()
    {
        var (tenant, _) = NewTenant();

        await tenant.SyncApplication(new ApplicationSync("i-1", "app-1", "client-1", "cipher-1", SyncAction.Add));
        await tenant.SyncApplication(new ApplicationSync("i-1", "app-1", "client-1", "cipher-2", SyncAction.Modify));
        await tenant.SyncApplication(new ApplicationSync("i-1", "app-2", "client-2", "cipher-3", SyncAction.Add));
        await tenant.SyncApplication(new ApplicationSync("i-1", "app-2", "", "", SyncAction.Delete));
        await tenant.SyncApplication(new ApplicationSync("i-1", "app-2", "", "", SyncAction.Delete));

        var app = Assert.Single((await tenant.Get())!.Applications);
        Assert.Equal(("app-1", "client-1", "cipher-2"), (app.AppId, app.ClientId, app.EncryptedClientSecret));
    }

    [Fact]
    public async Task Users_and_departments_are_read_back_through_the_tenant()
    {
        var (tenant, _) = NewTenant();

        await tenant.SyncUsers(new UserSync("app-1", [TenantDirectoryContract.User("zhangsan01", admin: true)], DateTimeOffset.UtcNow, SyncAction.Add));
        await tenant.ReplaceDepartments([new Department("10001", "R&D", null)]);
        await tenant.SyncDepartment(new Department("10002", "QA", "10001"), SyncAction.Add);

        var user = Assert.Single(await tenant.GetUsers(0, 10));
        Assert.True(user.User.Admin);
        Assert.Equal(["10001", "10002"], (await tenant.GetDepartments()).Select(d => d.OrgCode));
        Assert.NotNull(await tenant.Get());
    }

    [Fact]
    public async Task Test_and_live_tenants_of_the_same_id_are_separate()
    {
        var (live, tenantId) = NewTenant();
        var test = fixture.Grains.GetTenant(new TenantAddress(tenantId, Traffic.Test));

        await test.SyncProfile(Profile("i-1"));
        await test.SyncUsers(new UserSync("app-1", [TenantDirectoryContract.User("debug-user")], DateTimeOffset.UtcNow, SyncAction.Add));

        Assert.Null(await live.Get());
        Assert.Empty(await live.GetUsers(0, 10));
    }
}
