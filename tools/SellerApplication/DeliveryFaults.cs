namespace Provisioning.SellerApplication;

/// <summary>
/// The faults queued for one endpoint: each delivery plays the first rule, in the order queued, that names its type (or any
/// type) and has deliveries left.
/// </summary>
public sealed class DeliveryFaults
{
    private readonly Lock _gate = new();
    private readonly List<(FaultRule Rule, int Left)> _rules = [];
    private int _played;

    /// <summary>How many queued faults no delivery has played yet.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _rules.Sum(r => r.Left);
            }
        }
    }

    /// <summary>How many faults deliveries have played so far.</summary>
    public int Played
    {
        get
        {
            lock (_gate)
            {
                return _played;
            }
        }
    }

    /// <summary>Queues <paramref name="rule"/>; refuses one that cannot be played.</summary>
    public void Inject(FaultRule rule)
    {
        if (rule.Problem() is { } problem) throw new ArgumentException(problem, nameof(rule));
        lock (_gate)
        {
            _rules.Add((rule, rule.Count));
        }
    }

    /// <summary>Forgets every queued fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    internal FaultRule? Next(string type)
    {
        lock (_gate)
        {
            var index = _rules.FindIndex(r => r.Left > 0 && (r.Rule.Type is null || r.Rule.Type == type));
            if (index < 0) return null;
            var (rule, left) = _rules[index];
            _rules[index] = (rule, left - 1);
            _played++;
            return rule;
        }
    }
}
