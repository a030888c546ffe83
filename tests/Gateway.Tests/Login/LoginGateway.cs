using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Kit;
using Provisioning.Marketplace.AuthCenter;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.Login;

/// <summary>A gateway whose tenants log in at a fake auth center on loopback, with its log kept for the tests to read.</summary>
public class LoginGateway : GatewayFactory, IAsyncLifetime
{
    public const string Application = "https://app.example.com";
    public const string ReturnUrl = Application + "/welcome?from=login";
    public const string AppId = "app-1";
    public const string ClientId = "client-of-the-seller";

    public FakeAuthCenter AuthCenter { get; private set; } = null!;

    protected virtual FakeAuthCenterOptions AuthCenterOptions => new(0) { SlowHold = TimeSpan.FromSeconds(10) };

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Login:ApplicationOrigins:0"] = Application,
        ["KooGallery:Login:Timeout"] = "00:00:02",
    };

    public IReadOnlyList<FakeLogRecord> Log => Services.GetFakeLogCollector().GetSnapshot();

    public async Task InitializeAsync() => AuthCenter = await FakeAuthCenter.StartAsync(AuthCenterOptions);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await AuthCenter.DisposeAsync();
        await DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddFakeLogging());
    }

    public LoginBrowser Browser() => new(CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>
    /// Syncs a tenant bound to a newly opened instance through the Kit interface (V2), with the seller's client, and the same
    /// tenant at the fake auth center; <paramref name="users"/> are authorized by authSync and known to the auth center.
    /// </summary>
    public async Task<LoginTenantSetup> SyncTenantAsync(bool test = false, bool withApplication = true, string? encryptedSecret = null,
        params TenantUserSetup[] users)
    {
        var tenantId = Guid.NewGuid().ToString("N");
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        var testFlag = test ? 1 : 0;
        var orderId = V1Orders.NewOrderId();
        var opened = await new V1Client(CreateClient()).Call("newInstance", V1Orders.NewInstance(orderId, extra: test ? [("testFlag", "1")] : []));
        Assert.Equal(ResultCodes.Success, opened.ResultCode);
        var instanceId = opened["instanceId"]!;
        var kit = new KitClient(CreateClient(), KitGeneration.V2);
        await Synced(kit.Sync("tenantSync", new
        {
            instanceId, orderId = "CS1906666666ABCDE", tenantId, tenantCode = "huawei", name = "huaiweitest",
            domainName = AuthCenter.DomainName(tenantId), flag = 1, testFlag, timeStamp = KitMarketplace.Stamp(),
        }));
        if (withApplication)
        {
            await Synced(kit.Sync("applicationSync", new
            {
                instanceId, tenantId, appId = AppId, clientId = ClientId, clientSecret = encryptedSecret ?? KitClient.EncryptSecret(secret),
                flag = 1, testFlag, timeStamp = KitMarketplace.Stamp(),
            }));
        }

        var setup = new LoginTenantSetup(tenantId, instanceId, orderId, secret, test, kit);
        if (users.Length > 0) await setup.AuthorizeAsync(users.Where(u => u.Synced).ToArray());
        AuthCenter.Directory.Register(tenantId, new TenantScript(ClientId, secret,
            ["http://localhost/login/callback", $"http://localhost/login/cas/callback?tenant={tenantId}"]));
        foreach (var user in users) AuthCenter.Directory.AddUser(tenantId, new AuthUser(user.UserName, user.Name, user.Admin ? "admin" : "user", "10001"));
        return setup;
    }

    internal static async Task Synced(Task<SignedAnswer> sync) => Assert.Equal(ResultCodes.Success, (await sync).ResultCode);
}

/// <summary>A user of a tenant: <paramref name="Synced"/> false means the auth center knows them but authSync never named them.</summary>
public sealed record TenantUserSetup(string UserName, string Name, bool Admin = false, bool Enabled = true, bool Synced = true);

/// <summary>A tenant synced for logins, and the Kit client that syncs more of it.</summary>
public sealed record LoginTenantSetup(string TenantId, string InstanceId, string OrderId, string Secret, bool Test, KitClient Kit)
{
    public Task AuthorizeAsync(TenantUserSetup[] users, int flag = 1) => LoginGateway.Synced(Kit.Sync("authSync", new
    {
        instanceId = InstanceId, tenantId = TenantId, appId = LoginGateway.AppId,
        userList = users.Select(u => new { userName = u.UserName, name = u.Name, orgCode = "10001", role = u.Admin ? "admin" : "user", enable = u.Enabled ? "true" : "false" }),
        currentSyncTime = KitMarketplace.Stamp(DateTimeOffset.UtcNow), flag, testFlag = Test ? 1 : 0, timeStamp = KitMarketplace.Stamp(),
    }));
}
