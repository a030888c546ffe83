using Microsoft.Extensions.Options;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Licenses;
using Provisioning.KooGallery.Responses;
using Provisioning.KooGallery.V1;

namespace Provisioning.Gateway.KooGallery.V1;

/// <summary>
/// The V1 production interface: authenticate the query parameters, translate the activity into one grain call, and
/// answer with the result code the marketplace expects. Returns the exact response bytes to sign.
/// </summary>
internal sealed class V1Callbacks(
    IGrainFactory grains,
    V1Authentication authentication,
    V1Translation translation,
    [FromKeyedServices(KooGalleryEndpoints.V1)] AppInfoEncoder appInfo,
    InstanceQuery query,
    LicenseCallbacks licenses,
    CallbackRunner runner,
    IOptions<KooGalleryOptions> options)
{
    // The retired License callbacks share the V1 address and its authentication.
    private static readonly IReadOnlySet<string> Activities = new HashSet<string>(V1Activities.All.Concat(LicenseActivities.All));

    public string SigningKey { get; } = options.Value.Key!;

    public Task<byte[]> HandleAsync(IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var call = new CallbackSubject("v1", parameters.GetValueOrDefault("activity"), parameters.GetValueOrDefault("testFlag") == "1" ? Traffic.Test : Traffic.Live)
        {
            OrderId = parameters.GetValueOrDefault("orderId"),
            InstanceId = parameters.GetValueOrDefault("instanceId"),
        };
        var steps = new CallbackSteps(null, () => Task.FromResult(authentication.Refuse(parameters)), () => DispatchAsync(call, parameters));
        return runner.RunAsync(call, Activities, steps, cancellationToken);
    }

    private async Task<Answer> DispatchAsync(CallbackSubject call, IReadOnlyDictionary<string, string> parameters)
    {
        var (activity, traffic) = (call.Activity, call.Traffic);
        return activity switch
        {
            V1Activities.NewInstance => await Answer.Respond(V1NewInstanceRequest.Parse(parameters), r => NewInstance(r, call)),
            V1Activities.RefreshInstance => await Answer.Call(V1RefreshInstanceRequest.Parse(parameters), r => Instance(r.InstanceId, traffic).Renew(translation.Renewal(r))),
            V1Activities.ExpireInstance => await Answer.Call(V1ExpireInstanceRequest.Parse(parameters), r => Instance(r.InstanceId, traffic).Freeze(translation.Freeze(r))),
            V1Activities.ReleaseInstance => await Answer.Call(V1ReleaseInstanceRequest.Parse(parameters), r => Instance(r.InstanceId, traffic).Release(translation.Release(r))),
            V1Activities.Upgrade => await Answer.Call(V1UpgradeRequest.Parse(parameters), r => Instance(r.InstanceId, traffic).Upgrade(translation.Upgrade(r))),
            V1Activities.InstanceStatus => await Answer.Call(V1InstanceStatusRequest.Parse(parameters), r => ChangeStatus(r, traffic)),
            V1Activities.QueryInstance => await Answer.Respond(V1QueryInstanceRequest.Parse(parameters), r => Query(r.InstanceIds, call)),
            LicenseActivities.GetLicense => await licenses.GetLicense(parameters, call),
            LicenseActivities.RefreshLicense => await licenses.RefreshLicense(parameters, traffic),
            LicenseActivities.ExpireLicense => await licenses.ExpireLicense(parameters, traffic),
            LicenseActivities.ReleaseLicense => await licenses.ReleaseLicense(parameters, traffic),
            null or "" => Answer.InvalidParameter("activity is missing"),
            _ => Answer.InvalidParameter($"activity '{ActivityNames.Truncate(activity)}' is not supported"),
        };
    }

    private async Task<Answer> NewInstance(V1NewInstanceRequest request, CallbackSubject call)
    {
        var open = translation.Open(request);
        if (open.Command is null) return Answer.InvalidParameter(open.Error!);

        var traffic = call.Traffic;
        var instanceId = call.InstanceId = InstanceIds.Derive(open.OrderKey, traffic);
        var reply = await Instance(instanceId, traffic).Open(open.Command);
        AppInfo? info = null;
        if (reply.Instance?.Access is { } access && !appInfo.TryEncode(instanceId, access, out info, out var problem))
        {
            return Answer.InvalidParameter(problem);
        }

        var code = ReplyCodes.For(reply);
        return new Answer(code, reply.Message, ResponseJson.Serialize(new NewInstanceResponse(code, reply.Message, appInfo.EncryptType, instanceId, info)));
    }

    private Task<Answer> Query(IReadOnlyList<string> instanceIds, CallbackSubject call)
    {
        call.InstanceIds = instanceIds;
        return query.AnswerAsync(instanceIds, call.Traffic, appInfo);
    }

    private Task<InstanceReply> ChangeStatus(V1InstanceStatusRequest request, Traffic traffic) =>
        request.Freeze
            ? Instance(request.InstanceId, traffic).Freeze(new FreezeInstance(null))
            : Instance(request.InstanceId, traffic).Unfreeze(new UnfreezeInstance(null));

    private ISaasInstanceGrain Instance(string instanceId, Traffic traffic) => grains.GetInstance(new InstanceAddress(instanceId, traffic));
}
