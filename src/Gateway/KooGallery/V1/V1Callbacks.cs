using System.Diagnostics;
using Microsoft.Extensions.Options;
using Provisioning.Gateway.Telemetry;
using Provisioning.Grains.Instances;
using Provisioning.KooGallery;
using Provisioning.KooGallery.Responses;
using Provisioning.KooGallery.V1;

namespace Provisioning.Gateway.KooGallery.V1;

/// <summary>
/// The V1 production interface: verify the authToken, translate the activity into one grain call, and
/// answer with the result code the marketplace expects. Returns the exact response bytes to sign.
/// </summary>
internal sealed class V1Callbacks(
    IGrainFactory grains,
    V1Translation translation,
    IOptions<KooGalleryOptions> options,
    TimeProvider clock,
    CallbackMetrics metrics,
    ILogger<V1Callbacks> logger)
{
    private static readonly HashSet<string> Activities =
    [
        V1Activities.NewInstance, V1Activities.RefreshInstance, V1Activities.ExpireInstance, V1Activities.ReleaseInstance,
        V1Activities.Upgrade, V1Activities.InstanceStatus, V1Activities.QueryInstance,
    ];

    public string SigningKey { get; } = options.Value.Key!;

    public async Task<byte[]> HandleAsync(IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var activity = parameters.GetValueOrDefault("activity");
        var traffic = parameters.GetValueOrDefault("testFlag") == "1" ? Traffic.Test : Traffic.Live;
        var answer = await AnswerAsync(activity, traffic, parameters, cancellationToken);

        // Unauthenticated callers choose the activity text: only known names become metric tags.
        var known = activity is not null && Activities.Contains(activity) ? activity : "other";
        metrics.Record("v1", known, traffic == Traffic.Test, answer.Code, Stopwatch.GetElapsedTime(started));
        return answer.Body;
    }

    private async Task<Answer> AnswerAsync(string? activity, Traffic traffic, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        if (Authenticate(parameters) is { } refusal)
        {
            logger.LogWarning("Refused V1 {Activity}: {Reason}", activity, refusal);
            return Result(ResultCodes.AuthenticationFailed, refusal);
        }

        try
        {
            var answer = activity switch
            {
                V1Activities.NewInstance => await Respond(V1NewInstanceRequest.Parse(parameters), r => NewInstance(r, traffic)),
                V1Activities.RefreshInstance => await Call(V1RefreshInstanceRequest.Parse(parameters), r => Instance(r.InstanceId, traffic).Renew(translation.Renewal(r))),
                V1Activities.ExpireInstance => await Call(V1ExpireInstanceRequest.Parse(parameters), r => Instance(r.InstanceId, traffic).Freeze(new FreezeInstance(r.OrderId))),
                V1Activities.ReleaseInstance => await Call(V1ReleaseInstanceRequest.Parse(parameters), r => Instance(r.InstanceId, traffic).Release(new ReleaseInstance(r.OrderId, r.OrderAmount))),
                V1Activities.Upgrade => await Call(V1UpgradeRequest.Parse(parameters), r => Instance(r.InstanceId, traffic).Upgrade(translation.Upgrade(r))),
                V1Activities.InstanceStatus => await Call(V1InstanceStatusRequest.Parse(parameters), r => ChangeStatus(r, traffic)),
                V1Activities.QueryInstance => await Respond(V1QueryInstanceRequest.Parse(parameters), r => Query(r, traffic)),
                null or "" => Result(ResultCodes.InvalidParameter, "activity is missing"),
                _ => Result(ResultCodes.InvalidParameter, $"activity '{Truncate(activity)}' is not supported"),
            };
            logger.LogInformation("V1 {Activity} ({Traffic}) answered {ResultCode}", activity, traffic, answer.Code);
            return answer;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "V1 {Activity} failed; answering {ResultCode} so the marketplace retries", activity, ResultCodes.InternalError);
            return Result(ResultCodes.InternalError, $"internal error, please retry (trace {Activity.Current?.TraceId.ToString() ?? "none"})");
        }
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

    private async Task<Answer> NewInstance(V1NewInstanceRequest request, Traffic traffic)
    {
        var open = translation.Open(request);
        if (open.Command is null) return Result(ResultCodes.InvalidParameter, open.Error!);

        var instanceId = InstanceIds.Derive(open.OrderKey, traffic);
        var reply = await Instance(instanceId, traffic).Open(open.Command);
        var access = reply.Instance?.Access;
        var code = ReplyCodes.For(reply);
        return new Answer(code, ResponseJson.Serialize(new NewInstanceResponse(
            code, reply.Message, translation.EncryptType, instanceId, access is null ? null : translation.AppInfo(access))));
    }

    private Task<InstanceReply> ChangeStatus(V1InstanceStatusRequest request, Traffic traffic) =>
        request.Freeze
            ? Instance(request.InstanceId, traffic).Freeze(new FreezeInstance(null))
            : Instance(request.InstanceId, traffic).Unfreeze(new UnfreezeInstance(null));

    private async Task<Answer> Query(V1QueryInstanceRequest request, Traffic traffic)
    {
        var snapshots = await Task.WhenAll(request.InstanceIds.Select(id => Instance(id, traffic).Get()));
        var info = snapshots
            .Where(s => s is { Status: not InstanceStatus.Released })
            .Select(s => new InstanceInfo(s!.InstanceId, s.Access is null ? null : translation.AppInfo(s.Access), UsageInfo: null))
            .ToArray();
        return new Answer(ResultCodes.Success, ResponseJson.Serialize(new QueryInstanceResponse(
            ResultCodes.Success, $"{info.Length} of {request.InstanceIds.Count} instances found", translation.EncryptType, info)));
    }

    private ISaasInstanceGrain Instance(string instanceId, Traffic traffic) => grains.GetInstance(new InstanceAddress(instanceId, traffic));

    private static async Task<Answer> Call<T>(Parsed<T> parsed, Func<T, Task<InstanceReply>> call) where T : class =>
        parsed.Request is null ? Result(ResultCodes.InvalidParameter, parsed.Error!) : Result(await call(parsed.Request));

    private static async Task<Answer> Respond<T>(Parsed<T> parsed, Func<T, Task<Answer>> respond) where T : class =>
        parsed.Request is null ? Result(ResultCodes.InvalidParameter, parsed.Error!) : await respond(parsed.Request);

    private static Answer Result(InstanceReply reply) => Result(ReplyCodes.For(reply), reply.Message);

    private static Answer Result(string code, string message) => new(code, ResponseJson.Serialize(new ResultResponse(code, message)));

    private static string Truncate(string value) => value.Length <= 32 ? value : value[..32] + "…";

    /// <summary>An answer's result code and the exact bytes that carry it.</summary>
    private readonly record struct Answer(string Code, byte[] Body);
}
