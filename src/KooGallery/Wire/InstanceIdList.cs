namespace Provisioning.KooGallery;

/// <summary>
/// The comma-separated <c>instanceId</c> of queryInstance (V1 §1.7, V2 §2.2): up to 100 distinct ids of at most
/// 64 characters each; blanks around ids and empty entries are ignored.
/// </summary>
internal static class InstanceIdList
{
    public const string FieldName = "instanceId";

    public const int MaxIds = 100;

    public const int MaxIdLength = 64;

    /// <summary>The longest text that can hold <see cref="MaxIds"/> ids and their commas.</summary>
    public const int MaxTextLength = (MaxIds * (MaxIdLength + 1)) - 1;

    /// <summary>The distinct ids in order of first appearance; <paramref name="error"/> names the first problem.</summary>
    public static string[] Split(string value, out string? error)
    {
        var ids = value
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        error = ids.Length > MaxIds ? $"{FieldName} lists {ids.Length} ids; at most {MaxIds} are allowed"
            : ids.FirstOrDefault(id => id.Length > MaxIdLength) is { } tooLong ? $"{FieldName} '{tooLong[..16]}…' is longer than {MaxIdLength} characters"
            : ids.Length == 0 ? $"{FieldName} is missing"
            : null;
        return ids;
    }
}
