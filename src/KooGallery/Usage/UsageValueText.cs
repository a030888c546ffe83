using System.Globalization;

namespace Provisioning.KooGallery.Usage;

/// <summary>
/// <c>usage_value</c> as sent (kit A-12): a JSON string of the decimal with at most four decimals, no trailing zeros,
/// no exponent, invariant culture.
/// </summary>
internal static class UsageValueText
{
    public const int MaxDecimals = 4;

    public const int MaxLength = 20;

    public static bool HasAtMostFourDecimals(decimal value) => decimal.Round(value, MaxDecimals) == value;

    public static string Format(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
