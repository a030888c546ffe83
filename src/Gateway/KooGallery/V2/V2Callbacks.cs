using System.Text.Json;
using Microsoft.Extensions.Options;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Responses;
using Provisioning.KooGallery.V2;
using Provisioning.Grains;

namespace Provisioning.Gateway.KooGallery.V2;

/// <summary>
/// The V2 production interface: authenticate the raw body, translate the activity into one grain call, and
/// answer with the result code the marketplace expects. Returns the exact response bytes to sign.
/// </summary>
internal sealed class V2Callbacks(
    IGrainFactory grains,
    V2Authentication authentication,
    [FromKeyedServices(KooGalleryEndpoints.V2)] AppInfoEncoder appInfo,
    InstanceQuery query,
    CallbackRunner runner,
    IOptions<KooGalleryOptions> options,
    ILogger<V2Callbacks> logger)
{
    private static readonly HashSet<string> Activities =
    [
        V2Activities.NewInstance, V2Activities.QueryInstance, V2Activities.RefreshInstance, V2Activities.UpdateInstanceStatus,
        V2Activities.ReleaseInstance, V2Activities.UpgradeInstance, V2Activities.ChangeInstanceCheck,
    ];

    public string SigningKey { get; } = options.Value.AccessKey!;

    public Task<byte[]> HandleAsync(byte[]? body, string? signature, string? timestamp, string? nonce, CancellationToken cancellationToken)
    {
        var received = ReceivedBody.Read(body, V2Endpoint.MaxBodyBytes);
        var activity = received.IsJson ? V2Envelope.Activity(received.Root) : null;
        var traffic = received.IsJson && V2Envelope.IsTest(received.Root) ? Traffic.Test : Traffic.Live;
        var call = new CallbackSubject("v2", activity, traffic)
        {
            OrderId = received.IsJson ? V2Envelope.Text(received.Root, "orderId") : null,
            InstanceId = received.IsJson ? V2Envelope.Text(received.Root, "instanceId") : null,
        };

        return runner.RunAsync(call, Activities, async () =>
        {
            // Unreadable or ambiguous bodies go before the signature: it must cover exactly what would be executed.
            if (received.Bytes is null || !received.IsJson) return Answer.InvalidParameter(received.Error!);
            if (await authentication.RefuseAsync(received.Bytes, signature, timestamp, nonce) is { } refusal)
            {
                logger.LogWarning("Refused V2 {Activity}: {Reason}", activity, refusal);
                return Answer.AuthenticationFailed(refusal);
            }

            return await AnswerAsync(call, received.Root);
        }, cancellationToken);
    }

    private async Task<Answer> AnswerAsync(CallbackSubject call, JsonElement body)
    {
        var (activity, traffic) = (call.Activity, call.Traffic);
        return activity switch
        {
            V2Activities.NewInstance => await Answer.Respond(V2NewInstanceRequest.Parse(body), r => NewInstance(r, call)),
            V2Activities.QueryInstance => await Answer.Respond(V2QueryInstanceRequest.Parse(body), r => query.AnswerAsync(r.InstanceIds, traffic, appInfo)),
            V2Activities.RefreshInstance => await Answer.Call(V2RefreshInstanceRequest.Parse(body), r => Instance(r.InstanceId, traffic).Renew(Renewal(r))),
            V2Activities.UpdateInstanceStatus => await Answer.Call(V2UpdateInstanceStatusRequest.Parse(body), r => r.Freeze
                ? Instance(r.InstanceId, traffic).Freeze(new FreezeInstance(null))
                : Instance(r.InstanceId, traffic).Unfreeze(new UnfreezeInstance(null))),
            V2Activities.ReleaseInstance => await Answer.Call(V2ReleaseInstanceRequest.Parse(body), r => Instance(r.InstanceId, traffic).Release(new ReleaseInstance(r.OrderId, null))),
            V2Activities.UpgradeInstance => await Answer.Call(V2UpgradeInstanceRequest.Parse(body), r => Instance(r.InstanceId, traffic).ChangePlan(new ChangePlan(r.OrderId, r.OrderLineId))),
            V2Activities.ChangeInstanceCheck => await Answer.Call(V2ChangeInstanceCheckRequest.Parse(body), r => Instance(r.InstanceId, traffic).CheckPlanChange(new CheckPlanChange(r.ProductId, r.SkuCode, r.LinearValue))),
            null or "" => Answer.InvalidParameter("activity is missing"),
            _ => Answer.InvalidParameter($"activity '{ActivityNames.Truncate(activity)}' is not supported"),
        };
    }

    private async Task<Answer> NewInstance(V2NewInstanceRequest request, CallbackSubject call)
    {
        var traffic = call.Traffic;
        var instanceId = call.InstanceId = InstanceIds.Derive(OrderKey.ForOrderLine(request.OrderId, request.OrderLineId), traffic);
        var reply = await Instance(instanceId, traffic).Provision(new ProvisionInstance(request.OrderId, request.OrderLineId, options.Value.ProvisioningBudget));
        var code = ReplyCodes.For(reply);

        // A pay-per-use line whose product another line already holds answers with that line's instance.
        return new Answer(code, ResponseJson.Serialize(new V2NewInstanceResponse(code, reply.Message, reply.Instance?.InstanceId ?? instanceId)));
    }

    private static RenewInstance Renewal(V2RefreshInstanceRequest r)
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

    private ISaasInstanceGrain Instance(string instanceId, Traffic traffic) => grains.GetInstance(new InstanceAddress(instanceId, traffic));
}
