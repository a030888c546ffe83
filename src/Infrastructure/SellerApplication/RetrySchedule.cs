namespace Provisioning.Infrastructure.SellerApplication;

/// <summary>
/// What follows a failed delivery: another attempt after a delay that doubles from <see cref="SellerApplicationOptions.RetryDelay"/>
/// up to <see cref="SellerApplicationOptions.MaxRetryDelay"/>, or a dead letter once the event is older than
/// <see cref="SellerApplicationOptions.DeadLetterAfter"/>.
/// </summary>
internal static class RetrySchedule
{
    /// <summary>The wait before the next attempt of an event that has now failed <paramref name="failures"/> times (1 or more).</summary>
    public static TimeSpan Delay(int failures, TimeSpan first, TimeSpan max)
    {
        // 2^30 times any configured first delay is beyond every allowed maximum, and keeps the product finite.
        var doublings = Math.Clamp(failures - 1, 0, 30);
        var delay = first.Ticks * Math.Pow(2, doublings);
        return delay >= max.Ticks ? max : TimeSpan.FromTicks((long)delay);
    }

    /// <summary>
    /// Whether an event tried since <paramref name="attemptsSince"/> (recorded or last re-driven) that just failed at
    /// <paramref name="now"/> is given up.
    /// </summary>
    public static bool IsDead(DateTimeOffset attemptsSince, DateTimeOffset now, TimeSpan deadLetterAfter) => now - attemptsSince >= deadLetterAfter;
}
