namespace Provisioning.Grains.Usage;

/// <summary>The usage ledger of the zero-setup mode: everything in this process, gone when it stops.</summary>
internal sealed class InMemoryUsageLedger : IUsageLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Instance, string Package, DateTimeOffset Hour), (decimal Quantity, long Events)> _hours = [];
    private readonly Dictionary<string, MeteringRecord> _records = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<bool>> AppendAsync(string instanceId, IReadOnlyList<UsageEvent> events, CancellationToken cancellationToken)
    {
        var recorded = new bool[events.Count];
        lock (_gate)
        {
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                if (!_events.TryAdd(e.EventId, e.OccurredAt)) continue;
                recorded[i] = true;
                var key = (instanceId, e.Package ?? "", UsageHours.Start(e.OccurredAt));
                var total = _hours.GetValueOrDefault(key);
                _hours[key] = (total.Quantity + e.Quantity, total.Events + 1);
            }
        }

        return Task.FromResult<IReadOnlyList<bool>>(recorded);
    }

    public Task<IReadOnlyList<HourUsage>> GetHoursAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var staged = _records.Values.Where(r => r.InstanceId == instanceId)
                .GroupBy(r => (Package: r.Package ?? "", r.HourStart))
                .ToDictionary(g => g.Key, g => (Value: g.Sum(r => r.Value), Count: g.Count()));
            IReadOnlyList<HourUsage> hours = [.. _hours
                .Where(h => h.Key.Instance == instanceId)
                .Select(h =>
                {
                    var s = staged.GetValueOrDefault((h.Key.Package, h.Key.Hour));
                    return new HourUsage(PackageOrNull(h.Key.Package), h.Key.Hour, h.Value.Quantity, h.Value.Events, s.Value, s.Count);
                })
                .OrderBy(h => h.HourStart).ThenBy(h => h.Package, StringComparer.Ordinal)];
            return Task.FromResult(hours);
        }
    }

    public Task StageAsync(IReadOnlyList<MeteringRecord> records, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var record in records) _records.TryAdd(record.MeteringSn, record);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<MeteringRecord>> GetRecordsAsync(string instanceId, CancellationToken cancellationToken) =>
        Select(r => r.InstanceId == instanceId, int.MaxValue);

    public Task<IReadOnlyList<MeteringRecord>> GetDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        Select(r => r.Status == MeteringRecordStatus.Pending && r.NextAttemptAt <= now, limit);

    public Task MarkPushedAsync(IReadOnlyList<string> meteringSns, DateTimeOffset pushedAt, CancellationToken cancellationToken) =>
        Update(meteringSns, r => r with { Status = MeteringRecordStatus.Pushed, PushedAt = pushedAt });

    public Task RetryLaterAsync(IReadOnlyList<string> meteringSns, DateTimeOffset retryAt, string error, CancellationToken cancellationToken) =>
        Update(meteringSns, r => r with { Attempts = r.Attempts + 1, NextAttemptAt = retryAt, LastError = error });

    public Task DeadLetterAsync(IReadOnlyList<string> meteringSns, string error, CancellationToken cancellationToken) =>
        Update(meteringSns, r => r with { Status = MeteringRecordStatus.DeadLettered, LastError = error });

    public Task<IReadOnlyList<MeteringRecord>> GetDeadLettersAsync(int limit, CancellationToken cancellationToken) =>
        Select(r => r.Status == MeteringRecordStatus.DeadLettered, limit);

    public Task<int> RedriveAsync(string? instanceId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Move(MeteringRecordStatus.DeadLettered, instanceId, r => r with { Status = MeteringRecordStatus.Pending, NextAttemptAt = now });

    public Task HoldAsync(IReadOnlyList<string> meteringSns, string error, CancellationToken cancellationToken) =>
        Update(meteringSns, r => r with { Status = MeteringRecordStatus.Held, Attempts = r.Attempts + 1, LastError = error });

    public Task<IReadOnlyList<MeteringRecord>> GetHeldAsync(int limit, CancellationToken cancellationToken) =>
        Select(r => r.Status == MeteringRecordStatus.Held, limit);

    public Task<int> ResolveHeldAsync(string? instanceId, bool delivered, DateTimeOffset now, CancellationToken cancellationToken) =>
        Move(MeteringRecordStatus.Held, instanceId, r => delivered
            ? r with { Status = MeteringRecordStatus.Pushed, PushedAt = now }
            : r with { Status = MeteringRecordStatus.Pending, NextAttemptAt = now });

    public Task<OutboxSummary> GetSummaryAsync(DateTimeOffset closedBy, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            long Count(MeteringRecordStatus status) => _records.Values.LongCount(r => r.Status == status);
            var unstaged = UnstagedHours(closedBy).ToList();
            var unpushed = _records.Values.Where(r => r.Status != MeteringRecordStatus.Pushed).Select(r => r.HourStart)
                .Concat(unstaged.Select(h => h.Hour)).Select(h => (DateTimeOffset?)h).Min();
            return Task.FromResult(new OutboxSummary(
                Count(MeteringRecordStatus.Pending), Count(MeteringRecordStatus.DeadLettered), unpushed, Count(MeteringRecordStatus.Held), unstaged.Count));
        }
    }

    public Task<IReadOnlyList<string>> GetUnstagedAsync(DateTimeOffset closedBy, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<string> instances = [.. UnstagedHours(closedBy).GroupBy(h => h.Instance)
                .OrderBy(g => g.Min(h => h.Hour)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).Take(limit)];
            return Task.FromResult(instances);
        }
    }

    public Task<long> PruneEventsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var old = _events.Where(e => e.Value < before).Select(e => e.Key).ToList();
            foreach (var id in old) _events.Remove(id);
            return Task.FromResult((long)old.Count);
        }
    }

    // Callers hold the gate.
    private IEnumerable<(string Instance, string Package, DateTimeOffset Hour)> UnstagedHours(DateTimeOffset closedBy)
    {
        var staged = _records.Values.GroupBy(r => (r.InstanceId, Package: r.Package ?? "", r.HourStart)).ToDictionary(g => g.Key, g => g.Sum(r => r.Value));
        return _hours.Where(h => h.Key.Hour.AddHours(1) <= closedBy && h.Value.Quantity > staged.GetValueOrDefault(h.Key)).Select(h => h.Key);
    }

    private Task<IReadOnlyList<MeteringRecord>> Select(Func<MeteringRecord, bool> filter, int limit)
    {
        lock (_gate)
        {
            IReadOnlyList<MeteringRecord> records = [.. _records.Values.Where(filter)
                .OrderBy(r => r.HourStart).ThenBy(r => r.InstanceId, StringComparer.Ordinal).ThenBy(r => r.Sequence).Take(limit)];
            return Task.FromResult(records);
        }
    }

    private Task<int> Move(MeteringRecordStatus from, string? instanceId, Func<MeteringRecord, MeteringRecord> change)
    {
        lock (_gate)
        {
            var moving = _records.Values.Where(r => r.Status == from && (instanceId is null || r.InstanceId == instanceId)).ToList();
            foreach (var r in moving) _records[r.MeteringSn] = change(r);
            return Task.FromResult(moving.Count);
        }
    }

    private Task Update(IReadOnlyList<string> meteringSns, Func<MeteringRecord, MeteringRecord> change)
    {
        lock (_gate)
        {
            foreach (var sn in meteringSns)
            {
                if (_records.TryGetValue(sn, out var record)) _records[sn] = change(record);
            }
        }

        return Task.CompletedTask;
    }

    private static string? PackageOrNull(string package) => package.Length == 0 ? null : package;
}
