using Provisioning.KooGallery;
using Provisioning.KooGallery.Kit;
using Provisioning.Marketplace.Callbacks;
using Provisioning.SellerApplication;

namespace Provisioning.Simulator.Scenarios;

/// <summary>The seller's application hearing a buyer enterprise's Kit V1 syncs: one tenant event per applied sync, in order.</summary>
public sealed class SellerEventsTenantScenario : IScenario
{
    private static readonly Expectation Success = Expectation.Code(ResultCodes.Success);

    /// <inheritdoc />
    public string Name => "seller-events-tenant";

    /// <inheritdoc />
    public string Description => "Kit V1 tenantSync, allOrgSync, authSync add then delete: the seller app gets tenant.synced, tenant.departments.changed, tenant.users.changed twice, in order";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var app = play.Require(play.SellerApp, SellerEventChecks.Option);
        var kit = play.Require(play.KitV1, "--key");
        var run = Guid.NewGuid().ToString("N")[..12];
        var tenantId = $"simulator-tenant-{run}";
        var instanceId = Guid.NewGuid().ToString();
        (string, object?)[] With(params (string, object?)[] fields) =>
            [("instanceId", instanceId), ("tenantId", tenantId), ("testFlag", 0), ("timeStamp", KitMarketplace.Stamp()), .. fields];
        (string, object?)[] Profile(int flag) =>
            With(("orderId", flag == 1 ? "CS" + run.ToUpperInvariant() : ""), ("tenantCode", "simulator"), ("name", "Simulator Ltd"),
                ("domainName", "https://auth.simulator.example"), ("flag", flag));

        await play.Step("tenantSync add", () => kit.Call("tenantSync", Profile(1)), Success);
        await play.Step("allOrgSync", () => kit.Call("allOrgSync", With(KitDirectory.DepartmentList(KitGeneration.V1,
            [new("100", "Simulator", "enterprise-root"), new("110", "R&D", "100")]))), Success);
        KitDirectory.User[] users = [new($"admin-{run}", "Zhang San", "110", "admin"), new($"user-{run}", "Li Si", "110", "user")];
        var added = DateTimeOffset.UtcNow;
        await play.Step("authSync add 2 users", () => kit.Call("authSync", With(("appId", "simulator-app"), ("currentSyncTime", KitMarketplace.Stamp(added)),
            KitDirectory.UserList(KitGeneration.V1, users), ("flag", 1))), Success);
        await play.Step("authSync delete 1 user", () => kit.Call("authSync", With(("appId", "simulator-app"), ("currentSyncTime", KitMarketplace.Stamp(added.AddSeconds(1))),
            KitDirectory.UserList(KitGeneration.V1, users[1..]), ("flag", 0))), Success);
        await SellerEventChecks.Arrived(play, app, EventStreams.Tenant(tenantId),
            ["tenant.synced", "tenant.departments.changed", "tenant.users.changed", "tenant.users.changed"]);
        await play.Step("tenantSync delete", () => kit.Call("tenantSync", Profile(0)), Success);
    }
}
