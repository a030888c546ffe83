using System.Globalization;

namespace Provisioning.KooGallery.Licenses;

/// <summary>
/// The times of <c>getLicenseAsync</c>, e.g. <c>2023-10-27 10:30:15 z</c> (license §C.1, §8 #20): <c>yyyy-MM-dd HH:mm:ss</c>, then a
/// UTC designator (<c>z</c>, <c>Z</c>) or an offset (<c>+hh:mm</c>, <c>-hh:mm</c>), with or without a space before it; none means UTC.
/// </summary>
public static class LicenseTime
{
    private const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>Parses one such time into UTC; false for anything else.</summary>
    public static bool TryParse(string? value, out DateTimeOffset utc)
    {
        utc = default;
        if (value is null || value.Length < DateTimeFormat.Length
            || !DateTime.TryParseExact(value.AsSpan(0, DateTimeFormat.Length), DateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || !TryReadOffset(value.AsSpan(DateTimeFormat.Length).TrimStart(' '), out var offset))
        {
            return false;
        }

        utc = new DateTimeOffset(local, offset).ToUniversalTime();
        return true;
    }

    /// <summary>Formats in the marketplace's own form, in UTC: <c>yyyy-MM-dd HH:mm:ss z</c>.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture) + " z";

    private static bool TryReadOffset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text.IsEmpty || text is "z" or "Z") return true;
        if (text.Length != 6 || text[0] is not ('+' or '-') || text[3] != ':'
            || !int.TryParse(text[1..3], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text[4..6], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0) * (text[0] == '-' ? -1 : 1);
        return true;
    }
}
