using System.Net.Http.Json;
using Provisioning.Gateway.SellerApi;
using Provisioning.Integration.Tests.Instances;
using Provisioning.Integration.Tests.Postgres;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Kit;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Testing;

namespace Provisioning.Integration.Tests.Tenants;

public sealed class KitDurabilityTests
{
    [Fact]
    public async Task A_synced_tenant_survives_a_restart_of_its_silo()
    {
        var database = await PostgresServer.CreateMigratedDatabaseAsync("kit");
        var tenantId = Guid.NewGuid().ToString("N");
        var stamp = KitMarketplace.Stamp();

        await using (var before = new PostgresGateway(database))
        {
            var kit = new KitClient(before.CreateClient(), KitGeneration.V2);
            Assert.Equal(ResultCodes.Success, (await kit.Sync("tenantSync", new { instanceId = "i-1", orderId = "CS1", tenantId, tenantCode = "acme", name = "Acme", domainName = "https://acme.example.com", flag = 1, testFlag = 0, timeStamp = stamp })).ResultCode);
            Assert.Equal(ResultCodes.Success, (await kit.Sync("applicationSync", new { instanceId = "i-1", tenantId, appId = "app-1", clientId = "client-1", clientSecret = KitClient.EncryptSecret("kept-secret"), flag = 1, testFlag = 0, timeStamp = stamp })).ResultCode);
            Assert.Equal(ResultCodes.Success, (await kit.Sync("authSync", new { instanceId = "i-1", tenantId, appId = "app-1", userList = new[] { new { userName = "zhangsan01", name = "Zhang San", orgCode = "10001", role = "admin", enable = "true" } }, currentSyncTime = stamp, flag = 1, testFlag = 0, timeStamp = stamp })).ResultCode);
            Assert.Equal(ResultCodes.Success, (await kit.Sync("singleOrgSync", new { instanceId = "i-1", tenantId, orgCode = "10001", orgName = "R&D", parentCode = "", flag = 1, testFlag = 0, timeStamp = stamp })).ResultCode);
        }

        await using var after = new PostgresGateway(database);
        var seller = after.CreateClient();
        seller.DefaultRequestHeaders.Add("X-Api-Key", GatewayFactory.SellerAdminKey);

        var tenant = await seller.GetFromJsonAsync<TenantView>($"/api/tenants/{tenantId}?includeSecrets=true");
        Assert.Equal(("Acme", "kept-secret"), (tenant!.Name, Assert.Single(tenant.Applications).ClientSecret));
        Assert.Equal(["i-1"], tenant.InstanceIds);
        Assert.Equal("admin", Assert.Single((await seller.GetFromJsonAsync<UserPage>($"/api/tenants/{tenantId}/users"))!.Users).Role);
        Assert.Equal("R&D", Assert.Single(await seller.GetFromJsonAsync<DepartmentView[]>($"/api/tenants/{tenantId}/departments") ?? []).OrgName);
    }
}
