using System.Globalization;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>One usage record as it arrived in a push (kit §C.1 <c>UsagePushData</c>), its values kept as sent.</summary>
public sealed record UsageArrival(
    string MeteringSn, string InstanceId, string RecordTime, string BeginTime, string EndTime, string UsageValue, string? RelatedPackageInstance)
{
    /// <summary>Whether <paramref name="other"/> reports the same usage: everything equal but the time the record was made.</summary>
    public bool SameUsage(UsageArrival other) => this == other with { RecordTime = RecordTime };

    /// <summary>The start of the hour the usage is for.</summary>
    public DateTimeOffset Hour() =>
        DateTimeOffset.ParseExact(BeginTime, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>The usage as a number.</summary>
    public decimal Value() => decimal.Parse(UsageValue, CultureInfo.InvariantCulture);
}

/// <summary>A metering_sn that arrived twice with different usage: the marketplace would bill one and drop the other.</summary>
public sealed record UsageConflict(string MeteringSn, UsageArrival First, UsageArrival Later);

/// <summary>
/// What the fake received: every distinct record (first arrival kept), how many records were repeats of one already kept,
/// the conflicts, and how many pushes were accepted or refused.
/// </summary>
public sealed record UsageSnapshot(
    IReadOnlyList<UsageArrival> Records, int Repeats, IReadOnlyList<UsageConflict> Conflicts, int AcceptedPushes, int RefusedPushes)
{
    /// <summary>How many records arrived in all, repeats and conflicting ones included.</summary>
    public int Deliveries() => Records.Count + Repeats + Conflicts.Count;

    /// <summary>The usage billed per (instance, hour), each metering_sn counted once.</summary>
    public IReadOnlyDictionary<(string InstanceId, DateTimeOffset Hour), decimal> TotalsByHour() =>
        Records.GroupBy(r => (r.InstanceId, r.Hour())).ToDictionary(g => g.Key, g => g.Sum(r => r.Value()));
}
