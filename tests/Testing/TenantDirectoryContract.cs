using Provisioning.Grains.Events;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Tenants;
using Xunit;

namespace Provisioning.Testing;

/// <summary>The rules every tenant directory keeps (in memory and in PostgreSQL alike); each store runs this suite.</summary>
public abstract class TenantDirectoryContract
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 15, 15, 11, 30, TimeSpan.FromHours(8));

    protected abstract Task<ITenantDirectory> CreateAsync();

    /// <summary>The ids of the events the directory recorded in its outbox, in delivery order.</summary>
    protected abstract Task<IReadOnlyList<string>> RecordedEventsAsync();

    private static SellerEvent Change(string tenant) =>
        new("evt_" + Guid.NewGuid().ToString("N"), "tenant:" + tenant, "tenant.users.changed", T0, Traffic.Live, "{}");

    protected static string NewTenant() => "live/" + Guid.NewGuid().ToString("N");

    public static DirectoryUser User(string userName, string name = "Zhang San", string orgCode = "10001", bool admin = false, bool enabled = true) =>
        new(userName, name, orgCode, "Engineer", null, 1, admin, enabled, null, null, "Nanjing", "2022-11-9");

    private static UserSync Batch(SyncAction action, DateTimeOffset at, params DirectoryUser[] users) => new("app-1", users, at, action);

    private static async Task<Dictionary<string, TenantUser>> Users(ITenantDirectory directory, string tenant) =>
        (await directory.GetUsersAsync(tenant, 0, 1000, CancellationToken.None)).ToDictionary(u => u.User.UserName);

    [Fact]
    public async Task Repeated_adds_keep_one_user_with_the_latest_data()
    {
        var directory = await CreateAsync();
        var tenant = NewTenant();

        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0, User("zhangsan01"), User("lisi")), null, CancellationToken.None);
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0.AddSeconds(1), User("zhangsan01", name: "Zhang San 2", admin: true)), null, CancellationToken.None);

        var users = await Users(directory, tenant);
        Assert.Equal(2, users.Count);
        Assert.Equal("Zhang San 2", users["zhangsan01"].User.Name);
        Assert.True(users["zhangsan01"].User.Admin);
        Assert.True(users["zhangsan01"].Authorized);
    }

    [Fact]
    public async Task An_older_batch_does_not_overwrite_newer_data()
    {
        var directory = await CreateAsync();
        var tenant = NewTenant();

        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0.AddMinutes(5), User("zhangsan01", name: "Newer")), null, CancellationToken.None);
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0, User("zhangsan01", name: "Older"), User("wangwu")), null, CancellationToken.None);

        var users = await Users(directory, tenant);
        Assert.Equal("Newer", users["zhangsan01"].User.Name);
        Assert.Contains("wangwu", users.Keys);
    }

    [Fact]
    public async Task A_deleted_user_disappears_and_a_late_older_add_does_not_bring_it_back()
    {
        var directory = await CreateAsync();
        var tenant = NewTenant();
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0, User("zhangsan01")), null, CancellationToken.None);

        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Delete, T0.AddMinutes(2), User("zhangsan01"), User("never-seen")), null, CancellationToken.None);
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0.AddMinutes(1), User("zhangsan01"), User("never-seen")), null, CancellationToken.None);

        Assert.Empty(await Users(directory, tenant));
    }

    [Fact]
    public async Task One_user_is_found_by_app_and_name_with_its_grant_and_not_once_deleted()
    {
        var directory = await CreateAsync();
        var tenant = NewTenant();
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0, User("zhangsan01", admin: true), User("lisi")), null, CancellationToken.None);
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.CancelAuthorization, T0.AddMinutes(1), User("lisi")), null, CancellationToken.None);

        var admin = await directory.GetUserAsync(tenant, "app-1", "zhangsan01", CancellationToken.None);
        Assert.NotNull(admin);
        Assert.True(admin.User.Admin);
        Assert.True(admin.Authorized);
        Assert.False((await directory.GetUserAsync(tenant, "app-1", "lisi", CancellationToken.None))!.Authorized);
        Assert.Null(await directory.GetUserAsync(tenant, "app-2", "zhangsan01", CancellationToken.None));
        Assert.Null(await directory.GetUserAsync(NewTenant(), "app-1", "zhangsan01", CancellationToken.None));

        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Delete, T0.AddMinutes(2), User("zhangsan01")), null, CancellationToken.None);
        Assert.Null(await directory.GetUserAsync(tenant, "app-1", "zhangsan01", CancellationToken.None));
    }

    [Fact]
    public async Task Cancelling_authorization_keeps_the_user_without_the_grant()
    {
        var directory = await CreateAsync();
        var tenant = NewTenant();
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0, User("zhangsan01", name: "Kept")), null, CancellationToken.None);

        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.CancelAuthorization, T0.AddSeconds(1), User("zhangsan01", name: "ignored")), null, CancellationToken.None);

        var user = (await Users(directory, tenant))["zhangsan01"];
        Assert.False(user.Authorized);
        Assert.Equal("Kept", user.User.Name);
    }

    [Fact]
    public async Task A_modify_updates_attributes_and_keeps_the_grant_as_it_was()
    {
        var directory = await CreateAsync();
        var tenant = NewTenant();
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0, User("zhangsan01")), null, CancellationToken.None);
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.CancelAuthorization, T0.AddSeconds(1), User("zhangsan01")), null, CancellationToken.None);

        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Modify, T0.AddSeconds(2), User("zhangsan01", orgCode: "20002", enabled: false)), null, CancellationToken.None);

        var user = (await Users(directory, tenant))["zhangsan01"];
        Assert.Equal("20002", user.User.OrgCode);
        Assert.False(user.User.Enabled);
        Assert.False(user.Authorized);
    }

    [Fact]
    public async Task Users_page_in_a_stable_order()
    {
        var directory = await CreateAsync();
        var tenant = NewTenant();
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0, [.. Enumerable.Range(0, 25).Select(i => User($"user{i:D2}"))]), null, CancellationToken.None);

        var first = await directory.GetUsersAsync(tenant, 0, 10, CancellationToken.None);
        var third = await directory.GetUsersAsync(tenant, 20, 10, CancellationToken.None);

        Assert.Equal("user00", first[0].User.UserName);
        Assert.Equal(10, first.Count);
        Assert.Equal(["user20", "user21", "user22", "user23", "user24"], third.Select(u => u.User.UserName));
    }

    [Fact]
    public async Task Departments_are_added_renamed_moved_and_deleted_one_at_a_time()
    {
        var directory = await CreateAsync();
        var tenant = NewTenant();

        await directory.UpsertDepartmentAsync(tenant, new Department("10000", "R&D", null), null, CancellationToken.None);
        await directory.UpsertDepartmentAsync(tenant, new Department("10001", "QA", "10000"), null, CancellationToken.None);
        await directory.UpsertDepartmentAsync(tenant, new Department("10001", "Quality", null), null, CancellationToken.None);
        await directory.DeleteDepartmentAsync(tenant, "10000", null, CancellationToken.None);
        await directory.DeleteDepartmentAsync(tenant, "never-seen", null, CancellationToken.None);

        Assert.Equal([new Department("10001", "Quality", null)], await directory.GetDepartmentsAsync(tenant, CancellationToken.None));
    }

    [Fact]
    public async Task A_full_department_sync_replaces_everything()
    {
        var directory = await CreateAsync();
        var tenant = NewTenant();
        await directory.UpsertDepartmentAsync(tenant, new Department("old", "Gone", null), null, CancellationToken.None);

        Department[] full = [new("00000001", "Product", "265789314"), new("00000002", "QA", "265789314")];
        await directory.ReplaceDepartmentsAsync(tenant, full, null, CancellationToken.None);
        await directory.ReplaceDepartmentsAsync(tenant, full, null, CancellationToken.None);

        Assert.Equal(full, await directory.GetDepartmentsAsync(tenant, CancellationToken.None));
    }

    [Fact]
    public async Task Tenants_never_see_each_others_rows()
    {
        var directory = await CreateAsync();
        var (a, b) = (NewTenant(), NewTenant());

        await directory.ApplyUsersAsync(a, Batch(SyncAction.Add, T0, User("zhangsan01")), null, CancellationToken.None);
        await directory.UpsertDepartmentAsync(a, new Department("1", "A", null), null, CancellationToken.None);

        Assert.Empty(await directory.GetUsersAsync(b, 0, 10, CancellationToken.None));
        Assert.Empty(await directory.GetDepartmentsAsync(b, CancellationToken.None));
    }

    [Fact]
    public async Task A_user_sync_records_its_event_only_when_it_changes_a_user()
    {
        var directory = await CreateAsync();
        var tenant = NewTenant();
        var (added, repeated, older, modified, deletedUnknown) = (Change(tenant), Change(tenant), Change(tenant), Change(tenant), Change(tenant));

        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0, User("zhangsan01")), added, CancellationToken.None);
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0, User("zhangsan01")), repeated, CancellationToken.None);
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Modify, T0.AddSeconds(-1), User("zhangsan01", name: "Older")), older, CancellationToken.None);
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Modify, T0.AddSeconds(1), User("zhangsan01", admin: true)), modified, CancellationToken.None);
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Delete, T0.AddSeconds(2), User("never-seen")), deletedUnknown, CancellationToken.None);

        Assert.Equal([added.EventId, modified.EventId], await RecordedEventsAsync());
    }

    [Fact]
    public async Task A_department_sync_records_its_event_only_when_it_changes_a_department()
    {
        var directory = await CreateAsync();
        var tenant = NewTenant();
        var events = Enumerable.Range(0, 7).Select(_ => Change(tenant)).ToArray();
        Department[] full = [new("1", "R&D", null), new("2", "QA", "1")];

        await directory.UpsertDepartmentAsync(tenant, new Department("1", "R&D", null), events[0], CancellationToken.None);
        await directory.UpsertDepartmentAsync(tenant, new Department("1", "R&D", null), events[1], CancellationToken.None);
        await directory.DeleteDepartmentAsync(tenant, "never-seen", events[2], CancellationToken.None);
        await directory.ReplaceDepartmentsAsync(tenant, full, events[3], CancellationToken.None);
        await directory.ReplaceDepartmentsAsync(tenant, full, events[4], CancellationToken.None);
        await directory.DeleteDepartmentAsync(tenant, "2", events[5], CancellationToken.None);
        await directory.DeleteDepartmentAsync(tenant, "2", events[6], CancellationToken.None);

        Assert.Equal([events[0].EventId, events[3].EventId, events[5].EventId], await RecordedEventsAsync());
    }
}
