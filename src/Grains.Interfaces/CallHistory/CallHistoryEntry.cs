using Provisioning.Grains.Instances;

namespace Provisioning.Grains.CallHistory;

/// <summary>
/// One marketplace call as it touched one instance: when it arrived, what it asked and what it was answered. It holds no
/// secret and no decrypted personal data: the answer's message only, never its body.
/// </summary>
/// <param name="InstanceId">The instance the call named (or, for <c>newInstance</c>, the instance it opened).</param>
/// <param name="Traffic">Live, or test traffic (<c>testFlag</c>), whose instances are others.</param>
/// <param name="At">When the call arrived.</param>
/// <param name="Protocol"><c>v1</c>, <c>v2</c>, <c>kit-v1</c> or <c>kit-v2</c>.</param>
/// <param name="Activity">The activity or Kit interface the call named.</param>
/// <param name="OrderId">The order the call named, if any.</param>
/// <param name="ResultCode">The result code it was answered.</param>
/// <param name="ResultMessage">The answer's message, shortened.</param>
/// <param name="LatencyMs">From arrival until the answer was decided.</param>
/// <param name="TraceId">The call's trace id, which its log line also names.</param>
[GenerateSerializer, Immutable, Alias("prov.CallHistoryEntry")]
public sealed record CallHistoryEntry(
    [property: Id(0)] string InstanceId,
    [property: Id(1)] Traffic Traffic,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Protocol,
    [property: Id(4)] string Activity,
    [property: Id(5)] string? OrderId,
    [property: Id(6)] string ResultCode,
    [property: Id(7)] string ResultMessage,
    [property: Id(8)] double LatencyMs,
    [property: Id(9)] string TraceId);

/// <summary>How many recorded marketplace calls of one traffic namespace, activity and result code arrived in a period.</summary>
[GenerateSerializer, Immutable, Alias("prov.CallCount")]
public sealed record CallCount(
    [property: Id(0)] Traffic Traffic,
    [property: Id(1)] string Activity,
    [property: Id(2)] string ResultCode,
    [property: Id(3)] long Count);
