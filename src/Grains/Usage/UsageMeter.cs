using Provisioning.Grains.Instances;

namespace Provisioning.Grains.Usage;

/// <summary>
/// One instance's usage per (package, hour), and the records that take closed hours to the marketplace: the first
/// record of an hour carries all its usage, later usage of the same hour goes out as correction records.
/// </summary>
internal sealed class UsageMeter(string instanceId)
{
    private readonly Dictionary<(string Package, DateTimeOffset Hour), HourUsage> _hours = [];

    public IReadOnlyList<HourUsage> Hours =>
        [.. _hours.Values.OrderBy(h => h.HourStart).ThenBy(h => h.Package, StringComparer.Ordinal)];

    public bool HasUnstaged => _hours.Values.Any(h => h.Unstaged > 0);

    public void Load(IEnumerable<HourUsage> hours)
    {
        _hours.Clear();
        foreach (var hour in hours) _hours[(hour.Package ?? "", hour.HourStart)] = hour;
    }

    public void Add(UsageEvent usage)
    {
        var key = (usage.Package ?? "", UsageHours.Start(usage.OccurredAt));
        var hour = _hours.GetValueOrDefault(key) ?? new HourUsage(usage.Package, key.Item2, 0, 0, 0, 0);
        _hours[key] = hour with { Quantity = hour.Quantity + usage.Quantity, Events = hour.Events + 1 };
    }

    /// <summary>Records for the usage of every hour closed by <paramref name="now"/> that has not been staged yet.</summary>
    public IReadOnlyList<MeteringRecord> Close(DateTimeOffset now, TimeSpan closeDelay, string productId)
    {
        var records = new List<MeteringRecord>();
        var closed = _hours.Values.Where(h => h.Unstaged > 0 && h.HourStart.AddHours(1) + closeDelay <= now)
            .OrderBy(h => h.HourStart).ThenBy(h => h.Package, StringComparer.Ordinal);
        foreach (var hour in closed)
        {
            var sequence = hour.Records;
            for (var left = hour.Unstaged; left > 0; left -= UsageEventRules.MaxRecordValue)
            {
                var value = Math.Min(left, UsageEventRules.MaxRecordValue);
                records.Add(new MeteringRecord(
                    MeteringSn.Of(instanceId, hour.Package, hour.HourStart, sequence), instanceId, hour.Package, hour.HourStart, sequence, value,
                    productId, now, MeteringRecordStatus.Pending, Attempts: 0, NextAttemptAt: now, PushedAt: null, LastError: null));
                sequence++;
            }
        }

        return records;
    }

    /// <summary>Counts <paramref name="records"/>, now durable in the outbox, as staged.</summary>
    public void Staged(IEnumerable<MeteringRecord> records)
    {
        foreach (var record in records)
        {
            var key = (record.Package ?? "", record.HourStart);
            var hour = _hours[key];
            _hours[key] = hour with { Staged = hour.Staged + record.Value, Records = hour.Records + 1 };
        }
    }

    /// <summary>All usage per package, as queryInstance reports it; plain pay-per-use always has its one entry.</summary>
    public IReadOnlyList<UsageTotal> Totals(ChargingMode chargingMode, DateTimeOffset now)
    {
        var totals = _hours.Values.GroupBy(h => h.Package ?? "", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new UsageTotal(g.Key.Length == 0 ? null : g.Key, g.Sum(h => h.Quantity), now))
            .ToList();
        if (totals.Count == 0 && chargingMode == ChargingMode.PayPerUse) totals.Add(new UsageTotal(null, 0, now));
        return totals;
    }
}
