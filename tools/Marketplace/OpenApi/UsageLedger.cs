namespace Provisioning.Marketplace.OpenApi;

/// <summary>
/// The usage records the fake took, deduplicated by <c>metering_sn</c> as the marketplace does: a repeat of the same usage is
/// counted and dropped, the same sn with different usage is flagged as a conflict. Safe for concurrent use.
/// </summary>
public sealed class UsageLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, UsageArrival> _bySn = new(StringComparer.Ordinal);
    private readonly List<UsageArrival> _records = [];
    private readonly List<UsageConflict> _conflicts = [];
    private int _repeats;
    private int _accepted;
    private int _refused;

    /// <summary>Takes one push's records; says how many were new, repeats and conflicts.</summary>
    public (int New, int Repeats, int Conflicts) Accept(IReadOnlyList<UsageArrival> records)
    {
        lock (_gate)
        {
            var (added, repeats, conflicts) = (0, 0, 0);
            foreach (var record in records)
            {
                if (!_bySn.TryGetValue(record.MeteringSn, out var first))
                {
                    _bySn[record.MeteringSn] = record;
                    _records.Add(record);
                    added++;
                }
                else if (first.SameUsage(record))
                {
                    repeats++;
                }
                else
                {
                    _conflicts.Add(new UsageConflict(record.MeteringSn, first, record));
                    conflicts++;
                }
            }

            _repeats += repeats;
            _accepted++;
            return (added, repeats, conflicts);
        }
    }

    /// <summary>Counts a push that was refused before any record was taken.</summary>
    public void Refuse()
    {
        lock (_gate)
        {
            _refused++;
        }
    }

    /// <summary>Everything received so far.</summary>
    public UsageSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new UsageSnapshot([.. _records], _repeats, [.. _conflicts], _accepted, _refused);
        }
    }
}
