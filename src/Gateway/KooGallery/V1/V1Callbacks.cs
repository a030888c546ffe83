using Microsoft.Extensions.Options;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Responses;
using Provisioning.KooGallery.V1;
using Provisioning.Grains;

namespace Provisioning.Gateway.KooGallery.V1;

/// <summary>
/// The V1 production interface: verify the authToken, translate the activity into one grain call, and
/// answer with the result code the marketplace expects. Returns the exact response bytes to sign.
/// </summary>
internal sealed class V1Callbacks(
    IGrainFactory grains,
    V1Translation translation,
    [FromKeyedServices(KooGalleryEndpoints.V1)] AppInfoEncoder appInfo,
    InstanceQuery query,
    CallbackRunner runner,
    IOptions<KooGalleryOptions> options,
    TimeProvider clock,
    ILogger<V1Callbacks> logger)
{
    private static readonly HashSet<string> Activities =
    [
        V1Activities.NewInstance, V1Activities.RefreshInstance, V1Activities.ExpireInstance, V1Activities.ReleaseInstance,
        V1Activities.Upgrade, V1Activities.InstanceStatus, V1Activities.QueryInstance,
    ];

    public string SigningKey { get; } = options.Value.Key!;

    public Task<byte[]> HandleAsync(IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var call = new CallbackSubject("v1", parameters.GetValueOrDefault("activity"), parameters.GetValueOrDefault("testFlag") == "1" ? Traffic.Test : Traffic.Live)
        {
            OrderId = parameters.GetValueOrDefault("orderId"),
            InstanceId = parameters.GetValueOrDefault("instanceId"),
        };
        return runner.RunAsync(call, Activities, () => AnswerAsync(call, parameters), cancellationToken);
    }

    private async Task<Answer> AnswerAsync(CallbackSubject call, IReadOnlyDictionary<string, string> parameters)
    {
        var (activity, traffic) = (call.Activity, call.Traffic);
        if (Authenticate(parameters) is { } refusal)
        {
            logger.LogWarning("Refused V1 {Activity}: {Reason}", activity, refusal);
            return Answer.AuthenticationFailed(refusal);
        }

        return activity switch
        {
            V1Activities.NewInstance => await Answer.Respond(V1NewInstanceRequest.Parse(parameters), r => NewInstance(r, call)),
            V1Activities.RefreshInstance => await Answer.Call(V1RefreshInstanceRequest.Parse(parameters), r => Instance(r.InstanceId, traffic).Renew(translation.Renewal(r))),
            V1Activities.ExpireInstance => await Answer.Call(V1ExpireInstanceRequest.Parse(parameters), r => Instance(r.InstanceId, traffic).Freeze(new FreezeInstance(r.OrderId))),
            V1Activities.ReleaseInstance => await Answer.Call(V1ReleaseInstanceRequest.Parse(parameters), r => Instance(r.InstanceId, traffic).Release(new ReleaseInstance(r.OrderId, r.OrderAmount))),
            V1Activities.Upgrade => await Answer.Call(V1UpgradeRequest.Parse(parameters), r => Instance(r.InstanceId, traffic).Upgrade(translation.Upgrade(r))),
            V1Activities.InstanceStatus => await Answer.Call(V1InstanceStatusRequest.Parse(parameters), r => ChangeStatus(r, traffic)),
            V1Activities.QueryInstance => await Answer.Respond(V1QueryInstanceRequest.Parse(parameters), r => query.AnswerAsync(r.InstanceIds, traffic, appInfo)),
            null or "" => Answer.InvalidParameter("activity is missing"),
            _ => Answer.InvalidParameter($"activity '{ActivityNames.Truncate(activity)}' is not supported"),
        };
    }

    private string? Authenticate(IReadOnlyDictionary<string, string> parameters)
    {
        if (!parameters.ContainsKey(AuthToken.ParameterName)) return "authToken is missing";
        if (!parameters.ContainsKey(AuthToken.TimeStampParameter)) return "timeStamp is missing";
        if (!AuthToken.Verify(parameters, SigningKey)) return "authToken does not match the request";

        var tolerance = options.Value.V1TimestampTolerance;
        if (tolerance <= TimeSpan.Zero) return null;
        if (!KooGalleryTime.TryParse(parameters[AuthToken.TimeStampParameter], out var sent)) return "timeStamp is not a UTC time in yyyyMMddHHmmssSSS form";
        return (clock.GetUtcNow() - sent).Duration() <= tolerance ? null : $"timeStamp is more than {tolerance} away from the server clock";
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
        return new Answer(code, ResponseJson.Serialize(new NewInstanceResponse(code, reply.Message, appInfo.EncryptType, instanceId, info)));
    }

    private Task<InstanceReply> ChangeStatus(V1InstanceStatusRequest request, Traffic traffic) =>
        request.Freeze
            ? Instance(request.InstanceId, traffic).Freeze(new FreezeInstance(null))
            : Instance(request.InstanceId, traffic).Unfreeze(new UnfreezeInstance(null));

    private ISaasInstanceGrain Instance(string instanceId, Traffic traffic) => grains.GetInstance(new InstanceAddress(instanceId, traffic));
}
