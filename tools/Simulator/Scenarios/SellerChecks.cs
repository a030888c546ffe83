using Provisioning.Simulator.Seller;

namespace Provisioning.Simulator.Scenarios;

/// <summary>What a Kit sync must have changed, read back through the seller API; each check is the reason it fails, or null.</summary>
internal static class SellerChecks
{
    /// <summary>Checks through the seller API when its key was given; without it the check is left out.</summary>
    public static Task Through(ScenarioPlay play, string step, Func<SellerApiReader, Task<string?>> check) =>
        play.Seller is { } seller ? play.Check($"seller API: {step}", () => check(seller)) : Task.CompletedTask;

    public static async Task<string?> Bound(SellerApiReader seller, string tenantId, string instanceId, string name) =>
        await seller.Tenant(tenantId) switch
        {
            null => $"tenant {tenantId} is unknown",
            { Name: var stored } when stored != name => $"tenant name is {stored}, expected {name}",
            { InstanceIds: var ids } when !ids.Contains(instanceId) => $"tenant is not bound to instance {instanceId}",
            _ => null,
        };

    public static async Task<string?> Unbound(SellerApiReader seller, string tenantId, string instanceId) =>
        (await seller.Tenant(tenantId))?.InstanceIds.Contains(instanceId) == true ? $"tenant is still bound to instance {instanceId}" : null;

    public static async Task<string?> Application(SellerApiReader seller, string tenantId, string appId, string clientId, string secret)
    {
        var app = (await seller.Tenant(tenantId))?.Applications.FirstOrDefault(a => a.AppId == appId);
        return app is null ? $"application {appId} is missing"
            : app.ClientId != clientId ? $"clientId is {app.ClientId}, expected {clientId}"
            : seller.ReadsSecrets && app.ClientSecret != secret ? "the stored clientSecret does not decrypt to the secret sent"
            : null;
    }

    public static async Task<string?> NoApplication(SellerApiReader seller, string tenantId, string appId) =>
        (await seller.Tenant(tenantId))?.Applications.Any(a => a.AppId == appId) == true ? $"application {appId} is still there" : null;

    public static async Task<string?> Users(SellerApiReader seller, string tenantId, IReadOnlyList<KitDirectory.User> expected)
    {
        var users = await seller.Users(tenantId);
        var got = string.Join(", ", users.OrderBy(u => u.UserName, StringComparer.Ordinal).Select(u => $"{u.UserName}:{u.Role}"));
        var want = string.Join(", ", expected.OrderBy(u => u.UserName, StringComparer.Ordinal).Select(u => $"{u.UserName}:{u.Role}"));
        return got == want ? null : $"users are [{got}], expected [{want}]";
    }

    public static async Task<string?> Departments(SellerApiReader seller, string tenantId, IReadOnlyList<KitDirectory.Department> expected)
    {
        var departments = await seller.Departments(tenantId);
        var got = string.Join(", ", departments.OrderBy(d => d.OrgCode, StringComparer.Ordinal).Select(d => $"{d.OrgCode}:{d.OrgName}<{d.ParentCode}"));
        var want = string.Join(", ", expected.OrderBy(d => d.OrgCode, StringComparer.Ordinal).Select(d => $"{d.OrgCode}:{d.OrgName}<{d.ParentCode}"));
        return got == want ? null : $"departments are [{got}], expected [{want}]";
    }
}
