using System.Globalization;

namespace Provisioning.KooGallery.Kit;

/// <summary>The Kit's <c>timeStamp</c> and <c>currentSyncTime</c>: <c>yyyyMMddHHmmssSSS</c> in China Standard Time (UTC+8, no DST).</summary>
public static class KitTime
{
    /// <summary>China Standard Time's fixed offset.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    private const string Pattern = "yyyyMMddHHmmssfff";

    /// <summary>Parses exactly 17 ASCII digits as a time at UTC+8; false for anything else.</summary>
    public static bool TryParse(string? value, out DateTimeOffset time)
    {
        time = default;
        if (value is not { Length: 17 } || !value.All(char.IsAsciiDigit)
            || !DateTime.TryParseExact(value, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        time = new DateTimeOffset(local, Offset);
        return true;
    }

    /// <summary>Formats as 17 digits at UTC+8.</summary>
    public static string Format(DateTimeOffset time) =>
        time.ToOffset(Offset).ToString(Pattern, CultureInfo.InvariantCulture);
}
