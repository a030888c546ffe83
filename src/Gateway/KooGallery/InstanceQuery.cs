using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Usage;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Responses;

namespace Provisioning.Gateway.KooGallery;

/// <summary>
/// <c>queryInstance</c> for both protocols: one grain call per id, in parallel. Released and unknown instances are
/// left out; while any asked-for instance is still provisioning the answer is <c>000004</c> (spec §2.2). Pay-per-use
/// instances carry their usage from their meter; those of test traffic are never metered and report zero.
/// </summary>
internal sealed class InstanceQuery(IGrainFactory grains, TimeProvider clock)
{
    public async Task<Answer> AnswerAsync(IReadOnlyList<string> instanceIds, Traffic traffic, AppInfoEncoder appInfo)
    {
        var snapshots = await Task.WhenAll(instanceIds.Select(id => grains.GetInstance(new InstanceAddress(id, traffic)).Get()));
        var provisioning = snapshots.Count(s => s?.Status == InstanceStatus.Provisioning);

        // The marketplace knows an instance by the id it asked for, even when another order line's instance answers for it.
        var listed = instanceIds.Zip(snapshots, (id, instance) => (Id: id, Instance: instance!))
            .Where(x => x.Instance is { Status: InstanceStatus.Active or InstanceStatus.Frozen })
            .ToList();
        var appInfos = new AppInfo?[listed.Count];
        for (var i = 0; i < listed.Count; i++)
        {
            if (listed[i].Instance.Access is { } access && !appInfo.TryEncode(listed[i].Id, access, out appInfos[i], out var problem))
            {
                return Answer.InvalidParameter(problem);
            }
        }

        var info = await Task.WhenAll(listed.Select(async (x, i) => new InstanceInfo(x.Id, appInfos[i], await Usage(x.Instance))));

        var (code, message) = provisioning > 0
            ? (ResultCodes.InProgress, $"{provisioning} of {instanceIds.Count} instances are still being provisioned")
            : (ResultCodes.Success, $"{info.Length} of {instanceIds.Count} instances found");
        return new Answer(code, message, ResponseJson.Serialize(new QueryInstanceResponse(code, message, appInfo.EncryptType, info)));
    }

    private async Task<IReadOnlyList<UsageInfo>?> Usage(InstanceSnapshot instance)
    {
        if (instance.Plan?.ChargingMode.IsPayPerUse() != true) return null;

        var totals = instance.Traffic == Traffic.Test
            ? [new UsageTotal(null, 0, clock.GetUtcNow())]
            : await grains.GetUsageMeter(new InstanceAddress(instance.InstanceId, Traffic.Live)).GetTotals() ?? [];
        return [.. totals.Select(t => new UsageInfo(t.Package, (double)t.Quantity, KooGalleryTime.FormatMillis(t.StatisticalTime), DashboardUrl: null))];
    }
}
