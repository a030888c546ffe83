using System.Globalization;

namespace Provisioning.KooGallery;

/// <summary>
/// KooGallery's compact UTC timestamps: <c>yyyyMMddHHmmss</c> (expireTime) and
/// <c>yyyyMMddHHmmssSSS</c> (timeStamp, statisticalTime); both are accepted on input (spec Q14).
/// </summary>
public static class KooGalleryTime
{
    private const string SecondsFormat = "yyyyMMddHHmmss";
    private const string MillisFormat = "yyyyMMddHHmmssfff";

    /// <summary>Parses 14 or 17 ASCII digits as a UTC time; false for anything else.</summary>
    public static bool TryParse(string? value, out DateTimeOffset utc)
    {
        utc = default;
        if (value is null || (value.Length != SecondsFormat.Length && value.Length != MillisFormat.Length))
        {
            return false;
        }

        var format = value.Length == SecondsFormat.Length ? SecondsFormat : MillisFormat;
        if (!DateTime.TryParseExact(value, format, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        utc = new DateTimeOffset(parsed, TimeSpan.Zero);
        return true;
    }

    /// <summary>Formats as 17 digits, <c>yyyyMMddHHmmssSSS</c>, in UTC.</summary>
    public static string FormatMillis(DateTimeOffset t) =>
        t.UtcDateTime.ToString(MillisFormat, CultureInfo.InvariantCulture);

    /// <summary>Formats as 14 digits, <c>yyyyMMddHHmmss</c>, in UTC (sub-second part dropped).</summary>
    public static string FormatSeconds(DateTimeOffset t) =>
        t.UtcDateTime.ToString(SecondsFormat, CultureInfo.InvariantCulture);
}
