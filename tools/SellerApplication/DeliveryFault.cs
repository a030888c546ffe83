namespace Provisioning.SellerApplication;

/// <summary>A failure the fake seller application plays on a signed delivery it would otherwise take.</summary>
public enum DeliveryFault
{
    /// <summary>HTTP 500, nothing taken: the backend must deliver the same event again.</summary>
    Error,

    /// <summary>The delivery is taken, and answered 2xx only after the rule's delay: a re-delivery then must carry the same id.</summary>
    Late,

    /// <summary>The connection is closed unanswered before anything is taken: the backend must deliver again.</summary>
    Drop,

    /// <summary>The delivery is taken but never answered: the connection is held past any deadline, then closed.</summary>
    Silent,
}

/// <summary>
/// Plays <paramref name="Fault"/> on the next <paramref name="Count"/> deliveries of <paramref name="Type"/> (any type when null);
/// <paramref name="Delay"/> is how late a <see cref="DeliveryFault.Late"/> answer comes.
/// </summary>
public sealed record FaultRule(DeliveryFault Fault, int Count, string? Type = null, TimeSpan? Delay = null)
{
    /// <summary>The most deliveries one rule may fault.</summary>
    public const int MaxCount = 1000;

    /// <summary>The latest a <see cref="DeliveryFault.Late"/> answer may come.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(2);

    /// <summary>Why the rule cannot be played, or null when it can.</summary>
    public string? Problem() =>
        Count is < 1 or > MaxCount ? $"count must be between 1 and {MaxCount}"
        : Fault == DeliveryFault.Late && Delay is not { } delay ? "a late fault needs a delay"
        : Delay is { } d && (d <= TimeSpan.Zero || d > MaxDelay) ? $"delay must be above zero and at most {MaxDelay}"
        : null;
}
