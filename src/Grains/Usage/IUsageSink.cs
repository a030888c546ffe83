namespace Provisioning.Grains.Usage;

/// <summary>Port: where usage records go, i.e. the marketplace's usage push.</summary>
public interface IUsageSink
{
    /// <summary>The most records one call carries.</summary>
    int MaxBatch { get; }

    /// <summary>How far back a record may begin and still be taken; older ones are never sent.</summary>
    TimeSpan Window { get; }

    /// <summary>Sends up to <see cref="MaxBatch"/> records in one call. Failures are answered, not thrown.</summary>
    Task<UsageDelivery> PushAsync(IReadOnlyList<MeteringRecord> records, CancellationToken cancellationToken);
}

/// <summary>What became of one push.</summary>
public enum UsageDeliveryOutcome
{
    Accepted,

    /// <summary>Send the same records again later.</summary>
    Transient,

    /// <summary>Sending again will not help.</summary>
    Permanent,

    /// <summary>The records may have been taken, and a re-send could not be told apart from new usage: hold them for an operator.</summary>
    Unconfirmed,
}

/// <summary>The outcome of one push and, when it failed, what the marketplace said (never a key).</summary>
public sealed record UsageDelivery(UsageDeliveryOutcome Outcome, string? Error)
{
    public static readonly UsageDelivery Accepted = new(UsageDeliveryOutcome.Accepted, null);
}
