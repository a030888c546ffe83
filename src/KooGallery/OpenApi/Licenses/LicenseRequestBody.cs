using System.Text.Encodings.Web;
using System.Text.Json;

namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>
/// The activation code open APIs' bodies exactly as they are signed and sent: compact UTF-8 JSON in the field order of the
/// spec's tables (license §B.5–B.7), optional members left out when there is nothing to send. Inputs are checked first.
/// </summary>
public static class LicenseRequestBody
{
    /// <summary>The most codes in one list (v2 and usage statistics).</summary>
    public const int MaxCodes = 100;

    private const int MaxCodeLength = 64;
    private const int MaxIdLength = 256;
    private const int MaxIpLength = 32;

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>{"license":…,"real_effect_time":…}</c>, the time as UTC <c>yyyyMMddHHmmss</c>.</summary>
    /// <exception cref="ArgumentException">The code is empty or longer than 64 characters.</exception>
    public static byte[] Activate(string code, DateTimeOffset? effectiveAt) => Write(json =>
    {
        json.WriteString("license", Code(code));
        WriteEffectiveTime(json, effectiveAt);
    });

    /// <summary><c>{"license_list":[…],"real_effect_time":…}</c>.</summary>
    /// <exception cref="ArgumentException">There are no codes or more than 100, or one is empty or too long.</exception>
    public static byte[] ActivateList(IReadOnlyList<string> codes, DateTimeOffset? effectiveAt) => Write(json =>
    {
        WriteCodes(json, codes);
        WriteEffectiveTime(json, effectiveAt);
    });

    /// <summary><c>{"license":…}</c>, with the legacy <c>heartbeatInfo</c> when given.</summary>
    /// <exception cref="ArgumentException">The code or the heartbeat info is empty or too long.</exception>
    public static byte[] Query(string code, HeartbeatInfo? heartbeat) => Write(json =>
    {
        json.WriteString("license", Code(code));
        if (heartbeat is null) return;
        json.WriteStartObject("heartbeatInfo");
        json.WriteString("thirdPartyAccount", Text(heartbeat.ThirdPartyAccount, MaxIdLength, "thirdPartyAccount"));
        if (heartbeat.Ip is not null) json.WriteString("ip", Text(heartbeat.Ip, MaxIpLength, "ip"));
        json.WriteEndObject();
    });

    /// <summary><c>{"license_list":[…]}</c>.</summary>
    /// <exception cref="ArgumentException">There are no codes or more than 100, or one is empty or too long.</exception>
    public static byte[] QueryList(IReadOnlyList<string> codes) => Write(json => WriteCodes(json, codes));

    /// <summary><c>{"usage_info":[{"license":…,"software_usage_Info":[{"id":…}…,{"active_num":…}]}…]}</c>.</summary>
    /// <exception cref="ArgumentException">
    /// There are no codes or more than 100, or a code is empty or too long, has neither ids nor an active count, or an id is
    /// empty or too long, or the count is negative.
    /// </exception>
    public static byte[] Usage(IReadOnlyList<SoftwareUsage> usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        if (usage.Count is 0 or > MaxCodes)
        {
            throw new ArgumentException($"A usage report carries 1 to {MaxCodes} codes, not {usage.Count}.", nameof(usage));
        }

        return Write(json =>
        {
            json.WriteStartArray("usage_info");
            foreach (var entry in usage)
            {
                WriteUsage(json, entry ?? throw new ArgumentException("A usage entry is null.", nameof(usage)));
            }

            json.WriteEndArray();
        });
    }

    private static void WriteUsage(Utf8JsonWriter json, SoftwareUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage.Ids, nameof(usage));
        if (usage.Ids.Count == 0 && usage.ActiveCount is null)
        {
            throw new ArgumentException($"The usage of code '{usage.Code}' has neither ids nor an active count.", nameof(usage));
        }

        if (usage.ActiveCount < 0)
        {
            throw new ArgumentException($"The active count of code '{usage.Code}' is negative.", nameof(usage));
        }

        json.WriteStartObject();
        json.WriteString("license", Code(usage.Code));
        json.WriteStartArray("software_usage_Info");
        foreach (var id in usage.Ids)
        {
            json.WriteStartObject();
            json.WriteString("id", Text(id, MaxIdLength, "id"));
            json.WriteEndObject();
        }

        if (usage.ActiveCount is { } count)
        {
            json.WriteStartObject();
            json.WriteNumber("active_num", count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCodes(Utf8JsonWriter json, IReadOnlyList<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count is 0 or > MaxCodes)
        {
            throw new ArgumentException($"A code list holds 1 to {MaxCodes} codes, not {codes.Count}.", nameof(codes));
        }

        json.WriteStartArray("license_list");
        foreach (var code in codes)
        {
            json.WriteStringValue(Code(code));
        }

        json.WriteEndArray();
    }

    private static void WriteEffectiveTime(Utf8JsonWriter json, DateTimeOffset? effectiveAt)
    {
        if (effectiveAt is { } time) json.WriteString("real_effect_time", KooGalleryTime.FormatSeconds(time));
    }

    private static string Code(string? code) => Text(code, MaxCodeLength, "license");

    private static string Text(string? value, int maxLength, string field) =>
        string.IsNullOrEmpty(value) ? throw new ArgumentException($"The {field} is empty.", field)
        : value.Length > maxLength ? throw new ArgumentException($"The {field} is longer than {maxLength} characters.", field)
        : value;

    private static byte[] Write(Action<Utf8JsonWriter> members)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            json.WriteStartObject();
            members(json);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
