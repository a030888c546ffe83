using System.Globalization;
using System.Text.Json;
using Provisioning.Grains.Licenses;

namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// Reads the License API's route and bodies, naming the first problem. A key repeated in a body is refused, so no reader can
/// take a value another ignored.
/// </summary>
public static class LicenseRequests
{
    /// <summary>The marketplace's limit for a code (license spec §B.3, S64).</summary>
    public const int MaxCodeLength = 64;

    /// <summary>The marketplace's limit for one end-user or device id (license spec §B.7, S256).</summary>
    public const int MaxUserIdLength = 256;

    /// <summary>The most ids one report carries.</summary>
    public const int MaxUserIds = 1000;

    public static string? RefuseCode(string code) =>
        code.Length is 0 or > MaxCodeLength || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? $"The code must be 1 to {MaxCodeLength} ASCII letters, digits, '-' or '_'"
            : null;

    /// <summary>The activation, from an empty body or <c>{"effectiveAt": "…"}</c>.</summary>
    public static ActivateCode? ReadActivation(JsonElement? body, out string? problem) => Guarded(body, Activation, out problem);

    /// <summary>The usage, from <c>{"userIds": […]}</c> or <c>{"activeCount": n}</c>.</summary>
    public static ReportCodeUsage? ReadUsage(JsonElement? body, out string? problem) => Guarded(body, Usage, out problem);

    private delegate T? Reader<T>(JsonElement? body, out string? problem) where T : class;

    // A key or string that is not valid Unicode (an escaped lone surrogate) throws when it is read.
    private static T? Guarded<T>(JsonElement? body, Reader<T> read, out string? problem) where T : class
    {
        try
        {
            return read(body, out problem);
        }
        catch (InvalidOperationException)
        {
            problem = "A key or value of the body is not valid Unicode";
            return null;
        }
    }

    private static ActivateCode? Activation(JsonElement? body, out string? problem)
    {
        problem = Refuse(body);
        if (problem is not null) return null;
        if (body is not { } root || Field(root, "effectiveAt") is not { } value || value.ValueKind == JsonValueKind.Null) return new ActivateCode(null);

        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return new ActivateCode(at);
        }

        problem = "effectiveAt must be an ISO 8601 time, e.g. 2026-03-17T14:42:37Z";
        return null;
    }

    private static ReportCodeUsage? Usage(JsonElement? body, out string? problem)
    {
        problem = Refuse(body) ?? (body is null ? "The body is missing: send {\"userIds\": [...]} or {\"activeCount\": n}" : null);
        if (problem is not null) return null;

        var (ids, count) = (Field(body!.Value, "userIds"), Field(body.Value, "activeCount"));
        var hasIds = ids is { ValueKind: not JsonValueKind.Null };
        var hasCount = count is { ValueKind: not JsonValueKind.Null };
        if (hasIds == hasCount)
        {
            problem = "Send exactly one of userIds and activeCount";
            return null;
        }

        if (hasCount)
        {
            if (count!.Value.ValueKind == JsonValueKind.Number && count.Value.TryGetInt32(out var n) && n >= 0) return new ReportCodeUsage([], n);
            problem = "activeCount must be a whole number of at least 0";
            return null;
        }

        problem = ids!.Value.ValueKind != JsonValueKind.Array ? "userIds must be an array of strings"
            : ids.Value.GetArrayLength() is 0 or > MaxUserIds ? $"userIds must hold 1 to {MaxUserIds} ids"
            : ids.Value.EnumerateArray().Any(id => id.ValueKind != JsonValueKind.String || id.GetString()!.Length is 0 or > MaxUserIdLength)
                ? $"Every user id must be a string of 1 to {MaxUserIdLength} characters"
            : null;
        return problem is null ? new ReportCodeUsage([.. ids!.Value.EnumerateArray().Select(id => id.GetString()!)], null) : null;
    }

    private static string? Refuse(JsonElement? body) => body switch
    {
        null => null,
        { ValueKind: not JsonValueKind.Object } => "The body is not a JSON object",
        { } root when UsageReport.RepeatedKey(root) is { } key => $"The key '{key}' appears more than once",
        _ => null,
    };

    private static JsonElement? Field(JsonElement root, string name) =>
        root.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault();
}
