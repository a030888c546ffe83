using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Provisioning.Gateway.SellerApi;
using Provisioning.Gateway.Tests.SellerApi;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Kit;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.Kit;

[Collection(GatewayCollection.Name)]
public sealed class KitSyncTests(GatewayFactory factory)
{
    private readonly KitClient _v1 = new(factory.CreateClient(), KitGeneration.V1);
    private readonly KitClient _v2 = new(factory.CreateClient(), KitGeneration.V2);

    private static string NewTenantId() => Guid.NewGuid().ToString("N");

    private HttpClient Seller(string key = GatewayFactory.SellerApiKey)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static object Tenant(string tenantId, string instanceId, int flag = 1) => new
    {
        instanceId, orderId = instanceId == "" ? "" : "CS1906666666ABCDE", tenantId, tenantCode = "huawei", name = "huaiweitest",
        domainName = "https://example.tenantaccount.com", flag, testFlag = 0, timeStamp = KitMarketplace.Stamp(),
    };

    private static object Users(string tenantId, IEnumerable<object> users, DateTimeOffset syncTime, int flag = 1, bool asString = false) => new
    {
        instanceId = "i-1", tenantId, appId = "app-1",
        userList = asString ? (object)JsonSerializer.Serialize(users) : users,
        currentSyncTime = KitMarketplace.Stamp(syncTime), flag, testFlag = 0, timeStamp = KitMarketplace.Stamp(),
    };

    private static object User(string userName, string name = "Zhang San", string role = "user") =>
        new { userName, name, orgCode = "10001", position = "Engineer", role, enable = "true" };

    [Fact]
    public async Task A_seller_credential_application_in_V1_is_read_back_with_its_decrypted_secret()
    {
        var tenantId = NewTenantId();

        Assert.Equal(ResultCodes.Success, (await _v1.Sync("tenantSync", Tenant(tenantId, ""))).ResultCode);
        Assert.Equal(ResultCodes.Success, (await _v1.Sync("applicationSync", new
        {
            instanceId = "", tenantId, appId = "app-1", clientId = "NzZeWuiJa91dPSRdZQChMaz", clientSecret = KitClient.EncryptSecret("s3cret-of-the-app"),
            flag = 1, testFlag = 0, timeStamp = KitMarketplace.Stamp(),
        })).ResultCode);
        var orgInfo = "[{orgCode:\"00000001\", name:\"Product\", parentCode:\"265789314\"},{orgCode:\"00000002\", name:\"QA\", parentCode:\"00000001\"}]";
        Assert.Equal(ResultCodes.Success, (await _v1.Sync("allOrgSync", new { instanceId = "", tenantId, orgInfo, testFlag = 0, timeStamp = KitMarketplace.Stamp() })).ResultCode);

        var tenant = await Seller(GatewayFactory.SellerAdminKey).GetFromJsonAsync<TenantView>($"/api/tenants/{tenantId}?includeSecrets=true");
        Assert.True(tenant!.BoundBySeller);
        Assert.Equal("s3cret-of-the-app", Assert.Single(tenant.Applications).ClientSecret);
        var departments = await Seller().GetFromJsonAsync<DepartmentView[]>($"/api/tenants/{tenantId}/departments");
        Assert.Equal([new DepartmentView("00000001", "Product", null), new DepartmentView("00000002", "QA", "00000001")], departments!);
    }

    [Fact]
    public async Task A_buyer_binding_and_a_500_user_grant_in_V2_are_read_back()
    {
        var tenantId = NewTenantId();
        await _v2.Sync("tenantSync", Tenant(tenantId, "i-1"));
        await _v2.Sync("allOrgSync", new { instanceId = "i-1", tenantId, orgInfoList = new[] { new { orgCode = "10001", orgName = "R&D", parentCode = "" } }, testFlag = 0, timeStamp = KitMarketplace.Stamp() });

        var granted = await _v2.Sync("authSync", Users(tenantId, Enumerable.Range(0, 500).Select(i => User($"user{i:D3}", role: i == 0 ? "admin" : "user")), DateTimeOffset.UtcNow));

        Assert.Equal(ResultCodes.Success, granted.ResultCode);
        var page = await Seller().GetFromJsonAsync<UserPage>($"/api/tenants/{tenantId}/users?limit=1000");
        Assert.Equal(500, page!.Users.Count);
        Assert.Equal("admin", page.Users[0].Role);
        var tenant = await Seller().GetFromJsonAsync<TenantView>($"/api/tenants/{tenantId}");
        Assert.Equal(["i-1"], tenant!.InstanceIds);
        Assert.Null(Assert.Single(await Seller().GetFromJsonAsync<DepartmentView[]>($"/api/tenants/{tenantId}/departments") ?? []).ParentCode);
    }

    [Fact]
    public async Task A_late_older_batch_and_a_repeated_batch_change_nothing()
    {
        var tenantId = NewTenantId();
        var now = DateTimeOffset.UtcNow;
        await _v1.Sync("authSync", Users(tenantId, [User("zhangsan01", "Newest")], now, asString: true));

        await _v1.Sync("authSync", Users(tenantId, [User("zhangsan01", "Stale")], now.AddMinutes(-5), asString: true));
        await _v1.Sync("authSync", Users(tenantId, [User("zhangsan01", "Newest")], now, asString: true));

        var user = Assert.Single((await Seller().GetFromJsonAsync<UserPage>($"/api/tenants/{tenantId}/users"))!.Users);
        Assert.Equal("Newest", user.Name);
    }

    [Fact]
    public async Task A_client_secret_that_does_not_decrypt_is_refused_and_not_stored()
    {
        var tenantId = NewTenantId();
        await _v2.Sync("tenantSync", Tenant(tenantId, "i-1"));

        var answer = await _v2.Sync("applicationSync", new
        {
            instanceId = "i-1", tenantId, appId = "app-1", clientId = "c", clientSecret = Convert.ToBase64String(new byte[384]),
            flag = 1, testFlag = 0, timeStamp = KitMarketplace.Stamp(),
        });

        Assert.Equal(ResultCodes.InternalError, answer.ResultCode);
        Assert.Contains("clientSecret cannot be decrypted", answer.ResultMsg);
        Assert.Empty((await Seller().GetFromJsonAsync<TenantView>($"/api/tenants/{tenantId}"))!.Applications);
    }

    [Fact]
    public async Task An_oversized_user_list_is_refused_and_nothing_is_applied()
    {
        var tenantId = NewTenantId();

        var answer = await _v2.Sync("authSync", Users(tenantId, Enumerable.Range(0, 501).Select(i => User($"u{i}")), DateTimeOffset.UtcNow));

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
        Assert.Contains("at most 500", answer.ResultMsg);
        Assert.Equal(HttpStatusCode.NotFound, (await Seller().GetAsync($"/api/tenants/{tenantId}")).StatusCode);
    }

    [Fact]
    public async Task Forged_and_replayed_kit_calls_are_refused()
    {
        var tenantId = NewTenantId();
        var body = JsonSerializer.SerializeToUtf8Bytes(Tenant(tenantId, "i-1"));

        var forged = await _v1.Send("tenantSync", body, r => { r.Headers.Remove("authToken"); r.Headers.Add("authToken", "AAAA"); });
        var unsigned = await _v2.Send("tenantSync", body, r => r.Headers.Remove("x-sign"));
        string? nonce = null;
        var first = await _v2.Send("tenantSync", body, r => nonce = r.Headers.GetValues("x-nonce").Single());
        var replay = await _v2.Send("tenantSync", body, r => { r.Headers.Remove("x-nonce"); r.Headers.Add("x-nonce", nonce); });

        Assert.Equal(ResultCodes.AuthenticationFailed, forged.ResultCode);
        Assert.Equal("x-sign header is missing", unsigned.ResultMsg);
        Assert.Equal(ResultCodes.Success, first.ResultCode);
        Assert.Equal(ResultCodes.AuthenticationFailed, replay.ResultCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_an_invalid_parameter()
    {
        var answer = await _v2.Send("tenantSync", Encoding.UTF8.GetBytes("{\"tenantId\":"), r => { });

        Assert.Equal(ResultCodes.InvalidParameter, answer.ResultCode);
    }

    [Fact]
    public async Task Debug_syncs_land_in_the_test_namespace_only()
    {
        var tenantId = NewTenantId();

        await _v2.Sync("tenantSync", new
        {
            instanceId = "", orderId = "", tenantId, tenantCode = "huawei", name = "debug", domainName = "https://x", flag = 1, testFlag = 1, timeStamp = KitMarketplace.Stamp(),
        });

        Assert.Equal(HttpStatusCode.NotFound, (await Seller().GetAsync($"/api/tenants/{tenantId}")).StatusCode);
        Assert.Equal("debug", (await Seller().GetFromJsonAsync<TenantView>($"/api/tenants/{tenantId}?test=true"))!.Name);
    }

    [Fact]
    public async Task The_seller_api_needs_its_key_and_secrets_need_the_admin_key()
    {
        var tenantId = NewTenantId();
        await _v2.Sync("tenantSync", Tenant(tenantId, "i-1"));

        Assert.Contains("needs the read key", await Problem.Detail(await factory.CreateClient().GetAsync($"/api/tenants/{tenantId}"), HttpStatusCode.Unauthorized));
        Assert.Contains("does not hold the read key", await Problem.Detail(await Seller("wrong").GetAsync($"/api/tenants/{tenantId}"), HttpStatusCode.Unauthorized));
        Assert.Contains("needs the admin key", await Problem.Detail(await Seller().GetAsync($"/api/tenants/{tenantId}?includeSecrets=true"), HttpStatusCode.Forbidden));
        Assert.Equal(HttpStatusCode.OK, (await Seller().GetAsync($"/api/tenants/{tenantId}")).StatusCode);
    }
}
