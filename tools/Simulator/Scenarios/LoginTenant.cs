using Provisioning.KooGallery;
using Provisioning.KooGallery.Kit;
using Provisioning.Marketplace.AuthCenter;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Simulator.Login;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// A joint-operation tenant set up for logins, with fresh ids: a V1 periodic instance opened, the tenant bound to it by Kit V1
/// syncs (its <c>domainName</c> at the fake auth center, an app client whose secret is sealed with the gateway's Kit public
/// key, users: an admin, a plain user, a disabled user and one authorized then withdrawn), and the same tenant registered
/// at the fake (the plaintext secret, the gateway's OAuth and CAS callbacks), where a stranger authSync never named exists too.
/// </summary>
internal sealed class LoginTenant
{
    public const string AppId = "simulator-app";
    private static readonly Expectation Success = Expectation.Code(ResultCodes.Success);

    private LoginTenant(string run, string instanceId, string orderId)
    {
        TenantId = $"simulator-login-{run}";
        InstanceId = instanceId;
        OrderId = orderId;
        ClientId = $"simulator-client-{run}";
        Secret = $"simulator-secret-{run}";
        Admin = new KitDirectory.User($"admin-{run}", "Zhang San", "110", "admin");
        Plain = new KitDirectory.User($"user-{run}", "Li Si", "120", "user");
        Disabled = new KitDirectory.User($"disabled-{run}", "Wang Wu", "120", "user", Enabled: false);
        Withdrawn = new KitDirectory.User($"withdrawn-{run}", "Zhao Liu", "120", "user");
        Stranger = new KitDirectory.User($"stranger-{run}", "Sun Qi", "120", "user");
    }

    public string TenantId { get; }
    public string InstanceId { get; }
    public string OrderId { get; }
    public string ClientId { get; }
    public string Secret { get; }
    public KitDirectory.User Admin { get; }
    public KitDirectory.User Plain { get; }
    public KitDirectory.User Disabled { get; }
    public KitDirectory.User Withdrawn { get; }
    public KitDirectory.User Stranger { get; }

    /// <summary>What a token of <paramref name="user"/> logged in by <paramref name="method"/> (<c>oauth2</c>, <c>cas</c>) must say.</summary>
    public ExpectedLogin Expected(KitDirectory.User user, string method) =>
        new(TenantId, user.UserName, user.Name, user.Role, user.OrgCode, AppId, InstanceId, method);

    /// <summary>Sets a tenant up through the gateway's Kit interface and at the fake auth center.</summary>
    public static async Task<LoginTenant> SetUp(ScenarioPlay play, LoginSite site)
    {
        var kit = play.Require(play.KitV1, "--key");
        var secrets = play.Require(play.Secrets, "--kit-public-key");
        var orderId = V1Purchase.NewOrderId();
        var opened = await V1Steps.Open(play, V1Purchase.NewInstance(orderId, V1Purchase.Periodic));
        var tenant = new LoginTenant(Guid.NewGuid().ToString("N")[..12], opened.Text("instanceId") ?? "", orderId);

        await tenant.Sync(play, kit, "tenantSync: domainName at the fake auth center", "tenantSync", tenant.Profile(site, tenant.TenantId));
        await tenant.Sync(play, kit, "applicationSync: client, secret sealed", "applicationSync",
            ("appId", AppId), ("clientId", tenant.ClientId), ("clientSecret", secrets.Seal(tenant.Secret)), ("flag", 1));
        var added = DateTimeOffset.UtcNow;
        await tenant.Sync(play, kit, "authSync: admin, user, disabled, one more", "authSync", ("appId", AppId),
            ("currentSyncTime", KitMarketplace.Stamp(added)), KitDirectory.UserList(KitGeneration.V1, [tenant.Admin, tenant.Plain, tenant.Disabled, tenant.Withdrawn]), ("flag", 1));
        await tenant.Sync(play, kit, "authSync: the one more withdrawn", "authSync", ("appId", AppId),
            ("currentSyncTime", KitMarketplace.Stamp(added.AddSeconds(1))), KitDirectory.UserList(KitGeneration.V1, [tenant.Withdrawn]), ("flag", 0));

        await play.Check("fake auth center: tenant, client, 5 users", async () =>
        {
            await site.AuthCenterControl.AddTenant(tenant.TenantId, new TenantScript(tenant.ClientId, tenant.Secret,
                [site.At("/login/callback").ToString(), site.At($"/login/cas/callback?tenant={Uri.EscapeDataString(tenant.TenantId)}").ToString()]));
            foreach (var user in new[] { tenant.Admin, tenant.Plain, tenant.Disabled, tenant.Withdrawn, tenant.Stranger })
            {
                await site.AuthCenterControl.AddUser(tenant.TenantId, new AuthUser(user.UserName, user.Name, user.Role, user.OrgCode, OrganizationName: "R&D"));
            }

            return null;
        });
        return tenant;
    }

    /// <summary>A tenantSync of another tenant bound to this tenant's instance, with no applicationSync: its logins have no client.</summary>
    public async Task<string> WithoutApplication(ScenarioPlay play, LoginSite site)
    {
        var other = $"{TenantId}-bare";
        await play.Step("tenantSync of a tenant without a client", () => play.Require(play.KitV1, "--key").Call("tenantSync",
            [.. Common(other), .. Profile(site, other)]), Success);
        return other;
    }

    /// <summary>A Kit V1 sync of this tenant that must succeed.</summary>
    public Task<MarketplaceAnswer> Sync(ScenarioPlay play, KitMarketplace kit, string step, string sync, params (string, object?)[] fields) =>
        play.Step(step, () => kit.Call(sync, [.. Common(TenantId), .. fields]), Success);

    private (string, object?)[] Common(string tenantId) =>
        [("instanceId", InstanceId), ("tenantId", tenantId), ("testFlag", 0), ("timeStamp", KitMarketplace.Stamp())];

    private (string, object?)[] Profile(LoginSite site, string tenantId) =>
    [
        ("orderId", OrderId), ("tenantCode", "simulator"), ("name", "Simulator Login Ltd"), ("domainName", site.DomainName(tenantId)), ("flag", 1),
    ];
}
