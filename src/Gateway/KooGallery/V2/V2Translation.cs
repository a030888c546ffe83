using Microsoft.Extensions.Options;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery.V2;

namespace Provisioning.Gateway.KooGallery.V2;

/// <summary>Translates V2 requests into marketplace-neutral grain commands.</summary>
internal sealed class V2Translation(IOptions<KooGalleryOptions> options)
{
    /// <summary>The instance a V2 order line opens: its id derives from the order line, so every repeat reaches the same grain.</summary>
    public static string InstanceId(V2NewInstanceRequest r, Traffic traffic) =>
        InstanceIds.Derive(OrderKey.ForOrderLine(r.OrderId, r.OrderLineId), traffic);

    public ProvisionInstance Provision(V2NewInstanceRequest r) => new(r.OrderId, r.OrderLineId, options.Value.ProvisioningBudget);

    public RenewInstance Renewal(V2RefreshInstanceRequest r)
    {
        var kind = r.Scene switch
        {
            RefreshScene.TrialToFormal => RenewalKind.TrialToFormal,
            RefreshScene.UnsubscribeRenewalPeriod => RenewalKind.RenewalPeriodCancelled,
            RefreshScene.RenewalChange => RenewalKind.RenewalWithChange,
            _ => RenewalKind.Renewal,
        };
        return new RenewInstance(r.OrderId, r.ExpireTime, kind, r.ProductId, null, null, null, r.OrderLineId);
    }

    public ReleaseInstance Release(V2ReleaseInstanceRequest r) => new(r.OrderId, null);

    public ChangePlan ChangePlan(V2UpgradeInstanceRequest r) => new(r.OrderId, r.OrderLineId);

    public CheckPlanChange CheckPlanChange(V2ChangeInstanceCheckRequest r) => new(r.ProductId, r.SkuCode, r.LinearValue);
}
