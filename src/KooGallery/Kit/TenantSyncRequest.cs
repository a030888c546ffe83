using System.Text.Json;

namespace Provisioning.KooGallery.Kit;

/// <summary>
/// tenantSync (租户信息同步 / 企业同步, Kit spec §A.1): store or delete the buying enterprise. <c>instanceId</c> and
/// <c>orderId</c> are empty (null here) when the seller's own credential application triggered the call.
/// </summary>
public sealed record TenantSyncRequest(
    string? InstanceId, string? OrderId, string TenantId, string TenantCode, string Name, string DomainName,
    SyncFlag Flag, bool Test, string TimeStamp)
{
    /// <summary>Parses a body of the most permissive generation (V2: flag 2, modify, allowed).</summary>
    public static Parsed<TenantSyncRequest> Parse(JsonElement root) => Parse(root, KitGeneration.V2);

    /// <summary>Parses a body; V1 allows flag 0 and 1, V2 also 2.</summary>
    public static Parsed<TenantSyncRequest> Parse(JsonElement root, KitGeneration generation)
    {
        var f = new FieldReader(root);
        var request = new TenantSyncRequest(
            f.RequiredMayBeEmpty("instanceId", KitFields.IdLength),
            f.RequiredMayBeEmpty("orderId", KitFields.IdLength),
            f.Required("tenantId", KitFields.IdLength),
            f.Required("tenantCode", KitFields.IdLength),
            f.Required("name", 255),
            f.Required("domainName", 255),
            generation == KitGeneration.V1
                ? KitFields.Flag(f, SyncFlag.Delete, SyncFlag.Add)
                : KitFields.Flag(f, SyncFlag.Delete, SyncFlag.Add, SyncFlag.Modify),
            KitFields.Test(f),
            KitFields.TimeStamp(f));
        return Parsed<TenantSyncRequest>.From(request, f);
    }
}
