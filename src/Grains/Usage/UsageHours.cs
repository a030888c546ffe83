namespace Provisioning.Grains.Usage;

/// <summary>Usage is metered per UTC hour.</summary>
public static class UsageHours
{
    /// <summary>The start of the UTC hour <paramref name="time"/> falls in.</summary>
    public static DateTimeOffset Start(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }
}
