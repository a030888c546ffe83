namespace Provisioning.Marketplace.OpenApi;

/// <summary>
/// The activation codes scenarios registered with the fake open API, what they went through, and the faults queued for the
/// next calls (of any code, or of one). Safe for concurrent use.
/// </summary>
public sealed class CodeBook
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _codes = new(StringComparer.Ordinal);
    private readonly Queue<CodeFault> _callFaults = new();
    private int _badSignatures;

    /// <summary>Calls refused because their AK/SK signature did not verify.</summary>
    public int BadSignatures => Volatile.Read(ref _badSignatures);

    /// <summary>Registers (or replaces) <paramref name="code"/>.</summary>
    public void Add(string code, CodeScript script)
    {
        lock (_gate)
        {
            _codes[code] = new Entry(script with { ExpireTime = script.ExpireTime ?? DateTimeOffset.UtcNow.AddYears(1) });
        }
    }

    /// <summary>Changes a registered code's expiry, status or claim; false when the code is not registered.</summary>
    public bool Change(string code, CodeChange change)
    {
        lock (_gate)
        {
            if (!_codes.TryGetValue(code, out var entry)) return false;
            entry.Script = entry.Script with
            {
                ExpireTime = change.ExpireTime ?? entry.Script.ExpireTime,
                Status = change.Status ?? entry.Script.Status,
                Claimed = change.Claimed ?? entry.Script.Claimed,
            };
            return true;
        }
    }

    /// <summary>Queues <paramref name="count"/> calls to fail with <paramref name="fault"/>: of <paramref name="code"/>, or of any code when it is null. False when the code is not registered.</summary>
    public bool Inject(string? code, CodeFault fault, int count)
    {
        lock (_gate)
        {
            Queue<CodeFault> queue;
            if (code is null) queue = _callFaults;
            else if (_codes.TryGetValue(code, out var entry)) queue = entry.Faults;
            else return false;
            for (var i = 0; i < count; i++) queue.Enqueue(fault);
            return true;
        }
    }

    /// <summary>The code's state and what arrived for it, or null when it was never registered.</summary>
    public CodeTrace? Trace(string code)
    {
        lock (_gate)
        {
            return _codes.TryGetValue(code, out var entry) ? entry.Trace() : null;
        }
    }

    internal void CountBadSignature() => Interlocked.Increment(ref _badSignatures);

    /// <summary>The fault this call plays: the next one queued for any call, else the next one of the first of its codes that has one.</summary>
    internal CodeFault? NextFault(IEnumerable<string> codes)
    {
        lock (_gate)
        {
            if (_callFaults.TryDequeue(out var fault)) return fault;
            foreach (var code in codes)
            {
                if (_codes.TryGetValue(code, out var entry) && entry.Faults.TryDequeue(out fault))
                {
                    entry.FaultsPlayed++;
                    return fault;
                }
            }

            return null;
        }
    }

    /// <summary>Activates the code if it may be (license §B.5); the result code, and on success the code as it now is.</summary>
    internal (string Code, CodeView? View) Activate(string code, string? realEffectTime, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_codes.TryGetValue(code, out var entry)) return (LicenseCodes.NotFound, null);
            string? refusal = !entry.Script.Claimed ? LicenseCodes.NotClaimed
                : entry.Script.Activated || entry.View(now).Status != "ALIVE" ? LicenseCodes.IllegalState
                : null;
            if (refusal is not null)
            {
                entry.RefusedActivations++;
                return (refusal, null);
            }

            entry.Script = entry.Script with { Activated = true };
            (entry.ActivatedAt, entry.RealEffectTime) = (now, realEffectTime);
            entry.Activations++;
            var view = entry.View(now);
            return (LicenseCodes.Success, view with { ExpireTime = entry.Script.EstimatedExpireTime ?? view.ExpireTime });
        }
    }

    /// <summary>Counts a query of the code (license §B.6); the result code, and on success the code as it is.</summary>
    internal (string Code, CodeView? View) Query(string code, string? thirdPartyAccount, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_codes.TryGetValue(code, out var entry)) return (LicenseCodes.NotFound, null);
            entry.Queries++;
            entry.LastThirdPartyAccount = thirdPartyAccount ?? entry.LastThirdPartyAccount;
            return entry.Script.Activated ? (LicenseCodes.Success, entry.View(now)) : (LicenseCodes.NotActivated, null);
        }
    }

    /// <summary>Takes one code's usage (license §B.7); null when taken, else why the check refuses it.</summary>
    internal string? TakeUsage(string code, IReadOnlyList<string> ids, int? activeNum)
    {
        lock (_gate)
        {
            if (!_codes.TryGetValue(code, out var entry)) return "license code not exist";
            if (!entry.Script.Activated) return "license code not activated";
            entry.UsageReports++;
            foreach (var id in ids.Where(id => !entry.UsageIds.Contains(id))) entry.UsageIds.Add(id);
            entry.LastActiveNum = activeNum ?? entry.LastActiveNum;
            return null;
        }
    }

    private sealed class Entry(CodeScript script)
    {
        public CodeScript Script { get; set; } = script;
        public Queue<CodeFault> Faults { get; } = new();
        public DateTimeOffset RegisteredAt { get; } = DateTimeOffset.UtcNow;
        public DateTimeOffset? ActivatedAt { get; set; }
        public string? RealEffectTime { get; set; }
        public int Activations { get; set; }
        public int RefusedActivations { get; set; }
        public int Queries { get; set; }
        public int FaultsPlayed { get; set; }
        public int UsageReports { get; set; }
        public List<string> UsageIds { get; } = [];
        public int? LastActiveNum { get; set; }
        public string? LastThirdPartyAccount { get; set; }

        public CodeView View(DateTimeOffset now) => new(
            Script.Status switch
            {
                CodeStatus.Alive => Script.ExpireTime <= now ? "EXPIRED" : "ALIVE",
                CodeStatus.Expired => "EXPIRED",
                _ => "RELEASED",
            },
            ActivatedAt ?? RegisteredAt, Script.ExpireTime!.Value, Script.ProductId, Script.OrderId, Script.Amount);

        public CodeTrace Trace() => new(Script.Claimed, Script.Activated, Script.Status, Script.ExpireTime!.Value, ActivatedAt, RealEffectTime,
            Activations, RefusedActivations, Queries, FaultsPlayed, UsageReports, [.. UsageIds], LastActiveNum, LastThirdPartyAccount);
    }
}

/// <summary>A code as its answers show it: the wire status, and when it was activated (its registration, for a code registered as activated).</summary>
internal sealed record CodeView(string Status, DateTimeOffset ActivatedAt, DateTimeOffset ExpireTime, string ProductId, string OrderId, int Amount);

/// <summary>The activation code open APIs' error codes (license §B.8) the fake answers with.</summary>
internal static class LicenseCodes
{
    public const string Success = "92020000";
    public const string Internal = "92020001";
    public const string InvalidParam = "92020002";
    public const string IllegalState = "92020003";
    public const string NotClaimed = "92020004";
    public const string NotFound = "92020005";
    public const string NotActivated = "92020011";
    public const string InvalidInList = "92020020";
    public const string NotReadable = "95000004";
    public const string ContentType = "95000003";

    public static string Message(string code) => code switch
    {
        Success => "success",
        Internal => "internal error",
        InvalidParam => "invalid param",
        IllegalState => "illegal state",
        NotClaimed => "can not active before user received",
        NotFound => "license code not exist",
        NotActivated => "not activated",
        InvalidInList => "invalid license code exists",
        ContentType => "content type not supported",
        _ => "req message not readable",
    };
}
