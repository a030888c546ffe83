using Provisioning.KooGallery;
using Provisioning.KooGallery.Kit;
using Provisioning.Marketplace.Callbacks;

namespace Provisioning.Simulator.Scenarios;

/// <summary>
/// A buyer enterprise binding the seller's joint-operation app, in one Kit generation: the enterprise, its app client (with a
/// secret encrypted with the seller's public key), its department tree in full and one department at a time, users granted
/// and revoked, and the unbinding. Each effect is read back through the seller API when its key is given.
/// </summary>
public sealed class KitScenario(KitGeneration generation) : IScenario
{
    private const string AppId = "simulator-app";
    private static readonly Expectation Success = Expectation.Code(ResultCodes.Success);

    /// <inheritdoc />
    public string Name => generation == KitGeneration.V1 ? "kit-v1" : "kit-v2";

    /// <inheritdoc />
    public string Description => generation == KitGeneration.V1
        ? "Kit V1 (authToken): tenant, app client, departments, users added then deleted, unbind"
        : "Kit V2 (x-sign): tenant, app client, departments, users added then deleted, tenant renamed, unbind";

    /// <inheritdoc />
    public async Task Play(ScenarioPlay play)
    {
        var kit = generation == KitGeneration.V1 ? play.Require(play.KitV1, "--key") : play.Require(play.KitV2, "--kit-access-key");
        var secrets = play.Require(play.Secrets, "--kit-public-key");
        var run = Guid.NewGuid().ToString("N")[..12];
        var tenantId = $"simulator-tenant-{run}";
        var instanceId = Guid.NewGuid().ToString();
        (string, object?)[] Common() => [("instanceId", instanceId), ("tenantId", tenantId), ("testFlag", 0), ("timeStamp", KitMarketplace.Stamp())];
        (string, object?)[] With(params (string, object?)[] fields) => [.. Common(), .. fields];

        const string name = "Simulator Ltd";
        await Sync(play, kit, "tenantSync add", "tenantSync", With(("orderId", "CS" + run.ToUpperInvariant()), ("tenantCode", "simulator"),
            ("name", name), ("domainName", "https://auth.simulator.example"), ("flag", 1)));
        await SellerChecks.Through(play, "tenant bound to the instance", s => SellerChecks.Bound(s, tenantId, instanceId, name));

        var (clientId, secret) = ($"simulator-client-{run}", $"simulator-secret-{run}");
        var sealedSecret = secrets.Seal(secret);
        await Sync(play, kit, "applicationSync add", "applicationSync", With(("appId", AppId), ("clientId", clientId), ("clientSecret", sealedSecret), ("flag", 1)));
        await SellerChecks.Through(play, "app client stored", s => SellerChecks.Application(s, tenantId, AppId, clientId, secret));

        KitDirectory.Department[] tree = [new("100", "Simulator", "enterprise-root"), new("110", "R&D", "100"), new("120", "Sales", "100")];
        await Sync(play, kit, "allOrgSync", "allOrgSync", With(KitDirectory.DepartmentList(generation, tree)));
        await SellerChecks.Through(play, "department tree", s => SellerChecks.Departments(s, tenantId, [tree[0] with { ParentCode = null }, tree[1], tree[2]]));

        await Department(play, kit, "singleOrgSync add", With(("orgCode", "130"), ("orgName", "QA"), ("parentCode", "110"), ("flag", 1)));
        await Department(play, kit, "singleOrgSync modify", With(("orgCode", "130"), ("orgName", "Quality"), ("parentCode", "100"), ("flag", 2)));
        await Department(play, kit, "singleOrgSync delete", With(("orgCode", "120"), ("orgName", "Sales"), ("flag", 0)));
        await SellerChecks.Through(play, "departments after the changes", s => SellerChecks.Departments(s, tenantId,
            [new("100", "Simulator", null), new("110", "R&D", "100"), new("130", "Quality", "100")]));

        KitDirectory.User[] users = [new($"admin-{run}", "Zhang San", "110", "admin"), new($"user1-{run}", "Li Si", "110", "user"), new($"user2-{run}", "Wang Wu", "130", "user")];
        var added = DateTimeOffset.UtcNow;
        await Sync(play, kit, "authSync add 3 users", "authSync", With(("appId", AppId), ("currentSyncTime", KitMarketplace.Stamp(added)),
            KitDirectory.UserList(generation, users), ("flag", 1)));
        await SellerChecks.Through(play, "3 users granted", s => SellerChecks.Users(s, tenantId, users));
        await Sync(play, kit, "authSync delete 2 users", "authSync", With(("appId", AppId), ("currentSyncTime", KitMarketplace.Stamp(added.AddSeconds(1))),
            KitDirectory.UserList(generation, users[1..]), ("flag", 0)));
        await SellerChecks.Through(play, "1 user left", s => SellerChecks.Users(s, tenantId, users[..1]));

        if (generation == KitGeneration.V2)
        {
            const string renamed = "Simulator Renamed Ltd";
            await Sync(play, kit, "tenantSync modify", "tenantSync", With(("orderId", ""), ("tenantCode", "simulator"),
                ("name", renamed), ("domainName", "https://auth.simulator.example"), ("flag", 2)));
            await SellerChecks.Through(play, "tenant renamed", s => SellerChecks.Bound(s, tenantId, instanceId, renamed));
        }

        await Sync(play, kit, "applicationSync delete", "applicationSync", With(("appId", AppId), ("clientId", clientId), ("clientSecret", sealedSecret), ("flag", 0)));
        await SellerChecks.Through(play, "app client removed", s => SellerChecks.NoApplication(s, tenantId, AppId));
        await Sync(play, kit, "tenantSync delete", "tenantSync", With(("orderId", ""), ("tenantCode", "simulator"),
            ("name", name), ("domainName", "https://auth.simulator.example"), ("flag", 0)));
        await SellerChecks.Through(play, "instance unbound", s => SellerChecks.Unbound(s, tenantId, instanceId));
    }

    private static Task<MarketplaceAnswer> Sync(ScenarioPlay play, KitMarketplace kit, string step, string sync, (string, object?)[] fields) =>
        play.Step(step, () => kit.Call(sync, fields), Success);

    private static Task<MarketplaceAnswer> Department(ScenarioPlay play, KitMarketplace kit, string step, (string, object?)[] fields) =>
        Sync(play, kit, step, "singleOrgSync", fields);
}
