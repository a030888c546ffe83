using Provisioning.Grains.Tenants;
using Xunit;

namespace Provisioning.Testing;

/// <summary>The rules every tenant directory keeps (in memory and in PostgreSQL alike); each store runs this suite.</summary>
public abstract class TenantDirectoryContract
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 15, 15, 11, 30, TimeSpan.FromHours(8));

    protected abstract Task<ITenantDirectory> CreateAsync();

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

        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0, User("zhangsan01"), User("lisi")), CancellationToken.None);
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0.AddSeconds(1), User("zhangsan01", name: "Zhang San 2", admin: true)), CancellationToken.None);

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

        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0.AddMinutes(5), User("zhangsan01", name: "Newer")), CancellationToken.None);
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0, User("zhangsan01", name: "Older"), User("wangwu")), CancellationToken.None);

        var users = await Users(directory, tenant);
        Assert.Equal("Newer", users["zhangsan01"].User.Name);
        Assert.Contains("wangwu", users.Keys);
    }

    [Fact]
    public async Task A_deleted_user_disappears_and_a_late_older_add_does_not_bring_it_back()
    {
        var directory = await CreateAsync();
        var tenant = NewTenant();
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0, User("zhangsan01")), CancellationToken.None);

        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Delete, T0.AddMinutes(2), User("zhangsan01"), User("never-seen")), CancellationToken.None);
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0.AddMinutes(1), User("zhangsan01"), User("never-seen")), CancellationToken.None);

        Assert.Empty(await Users(directory, tenant));
    }

    [Fact]
    public async Task Cancelling_authorization_keeps_the_user_without_the_grant()
    {
        var directory = await CreateAsync();
        var tenant = NewTenant();
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0, User("zhangsan01", name: "Kept")), CancellationToken.None);

        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.CancelAuthorization, T0.AddSeconds(1), User("zhangsan01", name: "ignored")), CancellationToken.None);

        var user = (await Users(directory, tenant))["zhangsan01"];
        Assert.False(user.Authorized);
        Assert.Equal("Kept", user.User.Name);
    }

    [Fact]
    public async Task A_modify_updates_attributes_and_keeps_the_grant_as_it_was()
    {
        var directory = await CreateAsync();
        var tenant = NewTenant();
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0, User("zhangsan01")), CancellationToken.None);
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.CancelAuthorization, T0.AddSeconds(1), User("zhangsan01")), CancellationToken.None);

        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Modify, T0.AddSeconds(2), User("zhangsan01", orgCode: "20002", enabled: false)), CancellationToken.None);

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
        await directory.ApplyUsersAsync(tenant, Batch(SyncAction.Add, T0, [.. Enumerable.Range(0, 25).Select(i => User($"user{i:D2}"))]), CancellationToken.None);

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

        await directory.UpsertDepartmentAsync(tenant, new Department("10000", "R&D", null), CancellationToken.None);
        await directory.UpsertDepartmentAsync(tenant, new Department("10001", "QA", "10000"), CancellationToken.None);
        await directory.UpsertDepartmentAsync(tenant, new Department("10001", "Quality", null), CancellationToken.None);
        await directory.DeleteDepartmentAsync(tenant, "10000", CancellationToken.None);
        await directory.DeleteDepartmentAsync(tenant, "never-seen", CancellationToken.None);

        Assert.Equal([new Department("10001", "Quality", null)], await directory.GetDepartmentsAsync(tenant, CancellationToken.None));
    }

    [Fact]
    public async Task A_full_department_sync_replaces_everything()
    {
        var directory = await CreateAsync();
        var tenant = NewTenant();
        await directory.UpsertDepartmentAsync(tenant, new Department("old", "Gone", null), CancellationToken.None);

        Department[] full = [new("00000001", "Product", "265789314"), new("00000002", "QA", "265789314")];
        await directory.ReplaceDepartmentsAsync(tenant, full, CancellationToken.None);
        await directory.ReplaceDepartmentsAsync(tenant, full, CancellationToken.None);

        Assert.Equal(full, await directory.GetDepartmentsAsync(tenant, CancellationToken.None));
    }

    [Fact]
    public async Task Tenants_never_see_each_others_rows()
    {
        var directory = await CreateAsync();
        var (a, b) = (NewTenant(), NewTenant());

        await directory.ApplyUsersAsync(a, Batch(SyncAction.Add, T0, User("zhangsan01")), CancellationToken.None);
        await directory.UpsertDepartmentAsync(a, new Department("1", "A", null), CancellationToken.None);

        Assert.Empty(await directory.GetUsersAsync(b, 0, 10, CancellationToken.None));
        Assert.Empty(await directory.GetDepartmentsAsync(b, CancellationToken.None));
    }
}
