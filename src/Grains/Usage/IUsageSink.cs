namespace Provisioning.Grains.Usage;

/// <summary>Port: where usage records go, i.e. the marketplace's usage push.</summary>
public interface IUsageSink
{
    /// <summary>Sends up to <see cref="MaxBatch"/> records in one call. Failures are answered, not thrown.</summary>
    Task<UsageDelivery> PushAsync(IReadOnlyList<MeteringRecord> records, CancellationToken cancellationToken);

    /// <summary>The most records one call carries (kit A-12: 100 is safe for both documented limits).</summary>
    public const int MaxBatch = 100;
}

/// <summary>What became of one push.</summary>
public enum UsageDeliveryOutcome
{
    Accepted,

    /// <summary>Send the same records again later.</summary>
    Transient,

    /// <summary>Sending again will not help.</summary>
    Permanent,
}

/// <summary>The outcome of one push and, when it failed, what the marketplace said (never a key).</summary>
public sealed record UsageDelivery(UsageDeliveryOutcome Outcome, string? Error)
{
    public static readonly UsageDelivery Accepted = new(UsageDeliveryOutcome.Accepted, null);
}
