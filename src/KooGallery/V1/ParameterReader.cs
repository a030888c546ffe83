using System.Globalization;

namespace Provisioning.KooGallery.V1;

/// <summary>
/// Reads typed values from already URL-decoded query parameters, enforcing the spec's maximum lengths.
/// The first problem found is kept in <see cref="Error"/> as a message naming the parameter.
/// </summary>
public sealed class ParameterReader(IReadOnlyDictionary<string, string> parameters)
{
    public string? Error { get; private set; }

    public string Required(string name, int maxLength) =>
        Optional(name, maxLength) ?? Fail($"{name} is missing", "");

    public string? Optional(string name, int maxLength)
    {
        if (!parameters.TryGetValue(name, out var value) || value.Length == 0) return null;
        return value.Length <= maxLength ? value : Fail<string?>($"{name} is longer than {maxLength} characters", null);
    }

    public bool Flag(string name) => Optional(name, 2) == "1";

    public int? OptionalInt(string name, int maxLength = 10) =>
        Optional(name, maxLength) is { } text
            ? int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : Fail<int?>($"{name} '{text}' is not an integer", null)
            : null;

    public decimal? OptionalDecimal(string name, int maxLength) =>
        Optional(name, maxLength) is { } text
            ? decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : Fail<decimal?>($"{name} '{text}' is not a decimal number", null)
            : null;

    public DateTimeOffset? OptionalTime(string name) =>
        Optional(name, 20) is { } text
            ? KooGalleryTime.TryParse(text, out var t) ? t : Fail<DateTimeOffset?>($"{name} '{text}' is not a UTC time in yyyyMMddHHmmss[SSS] form", null)
            : null;

    public DateTimeOffset RequiredTime(string name)
    {
        var present = parameters.TryGetValue(name, out var value) && value.Length > 0;
        return OptionalTime(name) ?? (present ? default : Fail($"{name} is missing", default(DateTimeOffset)));
    }

    /// <summary>Records a problem found by the caller, unless an earlier one is already recorded.</summary>
    public T Fail<T>(string message, T fallback)
    {
        Error ??= message;
        return fallback;
    }
}
