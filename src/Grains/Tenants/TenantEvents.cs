using System.Text.Json;
using Provisioning.Grains.Events;

namespace Provisioning.Grains.Tenants;

/// <summary>
/// The tenant events for the seller's application, from the Kit syncs: what changed, by ids and counts only (no client
/// secrets, no names, phones or e-mails). Each is made before the change is applied and recorded only if the change was,
/// in the same write, so a marketplace retry that changes nothing records nothing.
/// </summary>
internal static class TenantEvents
{
    public const string Synced = "tenant.synced";
    public const string UsersChanged = "tenant.users.changed";
    public const string DepartmentsChanged = "tenant.departments.changed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SellerEvent Profile(TenantAddress tenant, TenantProfileSync sync, DateTimeOffset at) =>
        Make(tenant, Synced, at, new { tenantId = tenant.TenantId, test = IsTest(tenant), change = "profile", action = Action(sync.Action), instanceId = sync.InstanceId });

    public static SellerEvent Application(TenantAddress tenant, ApplicationSync sync, DateTimeOffset at) =>
        Make(tenant, Synced, at, new { tenantId = tenant.TenantId, test = IsTest(tenant), change = "application", action = Action(sync.Action), appId = sync.AppId, instanceId = sync.InstanceId });

    public static SellerEvent Users(TenantAddress tenant, UserSync sync, DateTimeOffset at) =>
        Make(tenant, UsersChanged, at, new
        {
            tenantId = tenant.TenantId, test = IsTest(tenant), appId = sync.AppId, action = Action(sync.Action),
            count = sync.Users.Count, userNames = sync.Users.Select(u => u.UserName),
        });

    public static SellerEvent Department(TenantAddress tenant, string orgCode, SyncAction action, DateTimeOffset at) =>
        Make(tenant, DepartmentsChanged, at, new { tenantId = tenant.TenantId, test = IsTest(tenant), action = Action(action), orgCodes = new[] { orgCode } });

    public static SellerEvent Departments(TenantAddress tenant, IReadOnlyList<Department> departments, DateTimeOffset at) =>
        Make(tenant, DepartmentsChanged, at, new { tenantId = tenant.TenantId, test = IsTest(tenant), action = "replace", count = departments.Count });

    private static SellerEvent Make(TenantAddress tenant, string type, DateTimeOffset at, object data) =>
        new("evt_" + Guid.CreateVersion7(at).ToString("N"), SellerEventStreams.Of(tenant), type, at, tenant.Traffic, JsonSerializer.Serialize(data, Json));

    private static bool IsTest(TenantAddress tenant) => tenant.Traffic == Instances.Traffic.Test;

    private static string Action(SyncAction action) => JsonNamingPolicy.CamelCase.ConvertName(action.ToString());
}
