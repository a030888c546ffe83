using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Responses;

namespace Provisioning.Gateway.KooGallery;

/// <summary>
/// <c>queryInstance</c> for both protocols: one grain call per id, in parallel. Released and unknown instances are
/// left out; while any asked-for instance is still provisioning the answer is <c>000004</c> (spec §2.2).
/// </summary>
internal sealed class InstanceQuery(IGrainFactory grains)
{
    public async Task<Answer> AnswerAsync(IReadOnlyList<string> instanceIds, Traffic traffic, AppInfoEncoder appInfo)
    {
        var snapshots = await Task.WhenAll(instanceIds.Select(id => grains.GetInstance(new InstanceAddress(id, traffic)).Get()));
        var provisioning = snapshots.Count(s => s?.Status == InstanceStatus.Provisioning);

        // The marketplace knows an instance by the id it asked for, even when another order line's instance answers for it.
        var info = instanceIds.Zip(snapshots)
            .Where(pair => pair.Second is { Status: InstanceStatus.Active or InstanceStatus.Frozen })
            .Select(pair => new InstanceInfo(pair.First, pair.Second!.Access is { } access ? appInfo.Encode(access) : null, UsageInfo: null))
            .ToArray();

        var (code, message) = provisioning > 0
            ? (ResultCodes.InProgress, $"{provisioning} of {instanceIds.Count} instances are still being provisioned")
            : (ResultCodes.Success, $"{info.Length} of {instanceIds.Count} instances found");
        return new Answer(code, ResponseJson.Serialize(new QueryInstanceResponse(code, message, appInfo.EncryptType, info)));
    }
}
