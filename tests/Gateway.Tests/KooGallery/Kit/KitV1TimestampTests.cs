using Provisioning.KooGallery;
using Provisioning.KooGallery.Kit;
using Provisioning.Marketplace.Callbacks;
using Provisioning.Testing;

namespace Provisioning.Gateway.Tests.KooGallery.Kit;

/// <summary>Kit V1 has no nonce: a stale timeStamp is what keeps one captured sync from being replayed forever.</summary>
public sealed class KitV1TimestampTests
{
    private sealed class UncheckedTimestamps : GatewayFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(base.Settings) { ["KooGallery:KitV1TimestampTolerance"] = "00:00:00" };
    }

    private static object TenantSync(string timeStamp) => new
    {
        instanceId = "", orderId = "", tenantId = Guid.NewGuid().ToString("N"), tenantCode = "huawei", name = "huaiweitest",
        domainName = "https://example.tenantaccount.com", flag = 1, testFlag = 0, timeStamp,
    };

    [Fact]
    public async Task A_sync_stamped_more_than_a_day_away_is_refused_and_a_fresh_one_is_accepted()
    {
        await using var gateway = new GatewayFactory();
        var kit = new KitClient(gateway.CreateClient(), KitGeneration.V1);

        var stale = await kit.Sync("tenantSync", TenantSync(KitMarketplace.Stamp(DateTimeOffset.UtcNow.AddDays(-2))));
        var future = await kit.Sync("tenantSync", TenantSync(KitMarketplace.Stamp(DateTimeOffset.UtcNow.AddDays(2))));
        var garbled = await kit.Sync("tenantSync", TenantSync("2026-11-30T10:00:00Z"));
        var fresh = await kit.Sync("tenantSync", TenantSync(KitMarketplace.Stamp(DateTimeOffset.UtcNow.AddHours(-8))));

        Assert.Equal((ResultCodes.AuthenticationFailed, "timeStamp is more than 1.00:00:00 away from the server clock"), (stale.ResultCode, stale.ResultMsg));
        Assert.Equal(ResultCodes.AuthenticationFailed, future.ResultCode);
        Assert.Equal((ResultCodes.AuthenticationFailed, "timeStamp is not a GMT+8 time in yyyyMMddHHmmssSSS form"), (garbled.ResultCode, garbled.ResultMsg));
        Assert.Equal(ResultCodes.Success, fresh.ResultCode);
    }

    [Fact]
    public async Task A_zero_tolerance_turns_the_check_off()
    {
        await using var gateway = new UncheckedTimestamps();
        var kit = new KitClient(gateway.CreateClient(), KitGeneration.V1);

        var spec = await kit.Sync("tenantSync", TenantSync("20220413093539534"));

        Assert.Equal(ResultCodes.Success, spec.ResultCode);
    }
}
