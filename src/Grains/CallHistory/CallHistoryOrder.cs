namespace Provisioning.Grains.CallHistory;

/// <summary>An instance's history, newest first: by arrival, then by the order the entries were recorded.</summary>
public static class CallHistoryOrder
{
    /// <summary>Whether <paramref name="entry"/> comes after <paramref name="position"/> in the newest-first order.</summary>
    public static bool IsAfter(CallHistoryPosition entry, CallHistoryPosition position) =>
        entry.At < position.At || (entry.At == position.At && entry.Sequence < position.Sequence);
}
