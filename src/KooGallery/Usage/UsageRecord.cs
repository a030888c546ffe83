namespace Provisioning.KooGallery.Usage;

/// <summary>
/// One usage record (话单, kit §C.1 <c>UsagePushData</c>): how much of an on-demand instance's metering item was used in
/// [<paramref name="BeginTime"/>, <paramref name="EndTime"/>). <paramref name="MeteringSn"/> is the marketplace's dedupe
/// key: a re-send of the same usage must carry the same value, different usage never does.
/// </summary>
/// <param name="InstanceId">The instanceId returned for the on-demand purchase.</param>
/// <param name="RecordTime">When the record was made.</param>
/// <param name="BeginTime">Start of the metering period; sent with second precision.</param>
/// <param name="EndTime">End of the metering period; sent with second precision.</param>
/// <param name="UsageValue">Amount used in the metering item's unit: above zero, at most four decimals.</param>
/// <param name="MeteringSn">The seller's unique id of this record.</param>
/// <param name="RelatedPackageInstance">The stop-when-exhausted package instance the usage is deducted from, if any.</param>
public sealed record UsageRecord(
    string InstanceId,
    DateTimeOffset RecordTime,
    DateTimeOffset BeginTime,
    DateTimeOffset EndTime,
    decimal UsageValue,
    string MeteringSn,
    string? RelatedPackageInstance)
{
    /// <summary>The longest id the marketplace accepts.</summary>
    public const int MaxIdLength = 64;

    /// <summary>How far back <see cref="BeginTime"/> may lie when the record is pushed (MKT.9004).</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(21);

    /// <summary>
    /// The product id of the instance; only the old usage push (kit §C.2) sends it, and there it is mandatory.
    /// </summary>
    public string? ProductId { get; init; }

    /// <summary>Why <paramref name="record"/> cannot be sent whatever the time, or null when it can.</summary>
    public static string? Problem(UsageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return IdProblem("instance_id", record.InstanceId, required: true)
            ?? IdProblem("metering_sn", record.MeteringSn, required: true)
            ?? IdProblem("relate_pkg_instance", record.RelatedPackageInstance, required: false)
            ?? IdProblem("product_id", record.ProductId, required: false)
            ?? (record.UsageValue <= 0 ? $"usage_value {UsageValueText.Format(record.UsageValue)} is not above zero"
                : !UsageValueText.HasAtMostFourDecimals(record.UsageValue) ? $"usage_value {record.UsageValue} has more than {UsageValueText.MaxDecimals} decimals"
                : UsageValueText.Format(record.UsageValue).Length > UsageValueText.MaxLength ? $"usage_value {record.UsageValue} is longer than {UsageValueText.MaxLength} characters"
                : null)
            ?? (record.BeginTime.ToUnixTimeSeconds() >= record.EndTime.ToUnixTimeSeconds()
                ? $"begin_time {UsageTime.Format(record.BeginTime)} is not before end_time {UsageTime.Format(record.EndTime)}"
                : null);
    }

    /// <summary>True when <see cref="BeginTime"/> lies no further back than <see cref="Window"/> from <paramref name="now"/>.</summary>
    public bool IsWithinWindow(DateTimeOffset now) => BeginTime >= now - Window;

    private static string? IdProblem(string field, string? value, bool required) => value switch
    {
        null or "" => required ? $"{field} is empty" : null,
        { Length: > MaxIdLength } => $"{field} is longer than {MaxIdLength} characters",
        _ => null,
    };
}
