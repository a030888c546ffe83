using System.Text.Json;
using Provisioning.Gateway.KooGallery.LicenseCodes;
using Provisioning.Grains;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Licenses;
using Provisioning.KooGallery.Responses;
using Provisioning.KooGallery.V2;

namespace Provisioning.Gateway.KooGallery.V2;

/// <summary>
/// The V2 production interface: authenticate the raw body, translate the activity into one grain call, and
/// answer with the result code the marketplace expects, signed with the key that verified the call (<see cref="V2Keys"/>): the
/// activation code callbacks (license spec §B.3) arrive here too, under a key of their own.
/// </summary>
internal sealed class V2Callbacks(
    IGrainFactory grains,
    V2Authentication authentication,
    V2Keys keys,
    LicenseCodeCallbacks licenseCodes,
    V2Translation translation,
    [FromKeyedServices(KooGalleryEndpoints.V2)] AppInfoEncoder appInfo,
    InstanceQuery query,
    CallbackRunner runner)
{
    // Unauthenticated callers choose the activity text: only these become metric tags.
    private static readonly IReadOnlySet<string> KnownActivities = new HashSet<string>([.. V2Activities.All, .. LicenseCodeActivities.All]);

    public async Task<SignedJson> HandleAsync(byte[]? body, string? signature, string? timestamp, string? nonce, CancellationToken cancellationToken)
    {
        var received = ReceivedBody.Read(body, V2Endpoint.MaxBodyBytes);
        var root = received.Root;
        var call = new CallbackSubject("v2", received.IsJson ? V2Envelope.Activity(root) : null, received.IsJson && V2Envelope.IsTest(root) ? Traffic.Test : Traffic.Live)
        {
            OrderId = received.IsJson ? JsonEnvelope.Text(root, "orderId") : null,
            InstanceId = received.IsJson ? JsonEnvelope.Text(root, "instanceId") : null,
        };
        var steps = new CallbackSteps(received.Error, () => Authenticate(received.Bytes!, call.Activity, signature, timestamp, nonce), () => DispatchAsync(call, root));
        var answer = await runner.RunAsync(call, KnownActivities, steps, cancellationToken);
        return new SignedJson(answer, keys.Signing(call.Activity));
    }

    // A License activity on a gateway without the License key cannot be verified at all: refused before the nonce is spent.
    private Task<string?> Authenticate(byte[] body, string? activity, string? signature, string? timestamp, string? nonce) =>
        keys.Verifying(activity) is { } key
            ? authentication.RefuseAsync(body, key, signature, timestamp, nonce)
            : Task.FromResult<string?>(V2Keys.LicenseKeyMissing);

    private async Task<Answer> DispatchAsync(CallbackSubject call, JsonElement body)
    {
        var (activity, traffic) = (call.Activity, call.Traffic);
        return activity switch
        {
            V2Activities.NewInstance => await Answer.Respond(V2NewInstanceRequest.Parse(body), r => NewInstance(r, call)),
            V2Activities.QueryInstance => await Answer.Respond(V2QueryInstanceRequest.Parse(body), r => Query(r.InstanceIds, call)),
            V2Activities.RefreshInstance => await Answer.Call(V2RefreshInstanceRequest.Parse(body), r => Instance(r.InstanceId, traffic).Renew(translation.Renewal(r))),
            V2Activities.UpdateInstanceStatus => await Answer.Call(V2UpdateInstanceStatusRequest.Parse(body), r => r.Freeze
                ? Instance(r.InstanceId, traffic).Freeze(new FreezeInstance(null))
                : Instance(r.InstanceId, traffic).Unfreeze(new UnfreezeInstance(null))),
            V2Activities.ReleaseInstance => await Answer.Call(V2ReleaseInstanceRequest.Parse(body), r => Instance(r.InstanceId, traffic).Release(translation.Release(r))),
            V2Activities.UpgradeInstance => await Answer.Call(V2UpgradeInstanceRequest.Parse(body), r => Instance(r.InstanceId, traffic).ChangePlan(translation.ChangePlan(r))),
            V2Activities.ChangeInstanceCheck => await Answer.Call(V2ChangeInstanceCheckRequest.Parse(body), r => Instance(r.InstanceId, traffic).CheckPlanChange(translation.CheckPlanChange(r))),
            { } code when V2Keys.IsLicenseCode(code) => await licenseCodes.DispatchAsync(code, body),
            V2Activities.GetLicenseAsync => await Answer.Respond(GetLicenseAsyncRequest.Parse(body), r => V2OnlineLicense.ApplyAsync(grains, r, traffic)),
            null or "" => Answer.InvalidParameter("activity is missing"),
            _ => Answer.InvalidParameter($"activity '{ActivityNames.Truncate(activity)}' is not supported"),
        };
    }

    private async Task<Answer> NewInstance(V2NewInstanceRequest request, CallbackSubject call)
    {
        var instanceId = call.InstanceId = V2Translation.InstanceId(request, call.Traffic);
        var reply = await Instance(instanceId, call.Traffic).Provision(translation.Provision(request));
        var code = ReplyCodes.For(reply);

        // A pay-per-use line whose product another line already holds answers with that line's instance, which the
        // marketplace knows it by from now on.
        var answered = call.InstanceId = reply.Instance?.InstanceId ?? instanceId;
        return new Answer(code, reply.Message, ResponseJson.Serialize(new V2NewInstanceResponse(code, reply.Message, answered)));
    }

    private Task<Answer> Query(IReadOnlyList<string> instanceIds, CallbackSubject call)
    {
        call.InstanceIds = instanceIds;
        return query.AnswerAsync(instanceIds, call.Traffic, appInfo);
    }

    private ISaasInstanceGrain Instance(string instanceId, Traffic traffic) => grains.GetInstance(new InstanceAddress(instanceId, traffic));
}
