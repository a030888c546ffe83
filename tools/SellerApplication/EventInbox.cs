using System.Text.Json;

namespace Provisioning.SellerApplication;

/// <summary>
/// What the fake seller application took, as a seller's application should: each event once by its <c>webhook-id</c>, the
/// order in which each stream's distinct events arrived, and every contradiction of that order by the events' own versions.
/// </summary>
public sealed class EventInbox
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _byId = new(StringComparer.Ordinal);
    private readonly List<Entry> _arrivals = [];
    private readonly Dictionary<string, long> _highestVersion = new(StringComparer.Ordinal);
    private readonly List<OrderViolation> _outOfOrder = [];
    private readonly List<string> _conflicts = [];
    private readonly Dictionary<Refusal, int> _refused = [];
    private readonly Dictionary<string, int> _faulted = new(StringComparer.Ordinal);
    private int _duplicates;

    /// <summary>Takes a verified delivery; answers whether it was new (false for a re-delivery of an id already taken).</summary>
    public bool Take(Delivery delivery)
    {
        lock (_gate)
        {
            if (_byId.TryGetValue(delivery.Id, out var known))
            {
                known.Deliveries++;
                _duplicates++;
                if (known.Delivery.Type != delivery.Type || known.Delivery.Data.GetRawText() != delivery.Data.GetRawText())
                {
                    _conflicts.Add(delivery.Id);
                }

                return false;
            }

            var entry = new Entry(delivery, _faulted.GetValueOrDefault(delivery.Id) + 1);
            _byId[delivery.Id] = entry;
            _arrivals.Add(entry);
            CheckOrder(delivery);
            return true;
        }
    }

    /// <summary>Counts a delivery that played a fault instead of being taken.</summary>
    public void Faulted(Delivery delivery)
    {
        lock (_gate)
        {
            if (_byId.TryGetValue(delivery.Id, out var known)) known.Deliveries++;
            else _faulted[delivery.Id] = _faulted.GetValueOrDefault(delivery.Id) + 1;
        }
    }

    /// <summary>Counts a delivery refused before anything was taken.</summary>
    public void Refuse(Refusal refusal)
    {
        lock (_gate)
        {
            _refused[refusal] = _refused.GetValueOrDefault(refusal) + 1;
        }
    }

    /// <summary>Everything received so far.</summary>
    public InboxSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new InboxSnapshot(
                [.. _arrivals.Select(e => e.ToReceived())],
                _duplicates,
                new Refusals(Count(Refusal.MissingHeaders), Count(Refusal.Stale), Count(Refusal.BadSignature), Count(Refusal.Malformed)),
                [.. _outOfOrder],
                [.. _conflicts],
                _faulted.Where(f => !_byId.ContainsKey(f.Key)).Sum(f => f.Value));
        }
    }

    private int Count(Refusal refusal) => _refused.GetValueOrDefault(refusal);

    private void CheckOrder(Delivery delivery)
    {
        if (delivery.Version is not { } version) return;
        if (_highestVersion.TryGetValue(delivery.Stream, out var highest) && version <= highest)
        {
            _outOfOrder.Add(new OrderViolation(delivery.Stream, delivery.Id, version, highest));
            return;
        }

        _highestVersion[delivery.Stream] = version;
    }

    private sealed class Entry(Delivery delivery, int deliveries)
    {
        public Delivery Delivery { get; } = delivery;

        public int Deliveries { get; set; } = deliveries;

        public ReceivedEvent ToReceived() =>
            new(Delivery.Id, Delivery.Type, Delivery.Stream, Delivery.Timestamp, Delivery.Version, Delivery.Data, Deliveries);
    }
}

/// <summary>
/// One distinct event taken: its id, type, stream and data, and how many deliveries carried its id (faulted ones and
/// re-deliveries included), so a checker can see the backend re-delivered under the same id.
/// </summary>
public sealed record ReceivedEvent(string Id, string Type, string Stream, string? Timestamp, long? Version, JsonElement Data, int Deliveries);

/// <summary>An event of <paramref name="Stream"/> whose version is not above one that arrived before it.</summary>
public sealed record OrderViolation(string Stream, string Id, long Version, long AfterVersion);

/// <summary>
/// What the fake has received: each distinct event once, in arrival order; how many re-deliveries were deduped; the refusals;
/// the order violations; the ids re-delivered with another type or data; and the faulted deliveries of ids never taken.
/// </summary>
public sealed record InboxSnapshot(
    IReadOnlyList<ReceivedEvent> Events,
    int Duplicates,
    Refusals Refused,
    IReadOnlyList<OrderViolation> OutOfOrder,
    IReadOnlyList<string> Conflicts,
    int FaultedNeverTaken)
{
    /// <summary>The distinct events of one stream, in the order they arrived.</summary>
    public IReadOnlyList<ReceivedEvent> Stream(string stream) => [.. Events.Where(e => e.Stream == stream)];
}
