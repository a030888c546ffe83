using System.Globalization;

namespace Provisioning.KooGallery.Usage;

/// <summary>The usage push's times: UTC, <c>yyyyMMdd'T'HHmmss'Z'</c> (kit §C.1), fractions of a second dropped.</summary>
internal static class UsageTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
