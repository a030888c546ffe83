using System.Globalization;
using System.Text.Json;

namespace Provisioning.KooGallery.V2;

/// <summary>
/// Reads typed fields from a V2 request body, enforcing the spec's maximum lengths. Text fields must be JSON strings;
/// an absent, null or empty field counts as missing; unknown fields are ignored (spec §2.8).
/// The first problem found is kept in <see cref="Error"/> as a message naming the field.
/// </summary>
public sealed class FieldReader
{
    private readonly JsonElement _json;
    private readonly string _prefix;
    private readonly FieldReader? _outer;
    private string? _error;

    public FieldReader(JsonElement json) : this(json, "", null)
    {
    }

    private FieldReader(JsonElement json, string prefix, FieldReader? outer)
    {
        _json = json;
        _prefix = prefix;
        _outer = outer;
    }

    /// <summary>The first problem found, by this reader or by any reader of a nested object.</summary>
    public string? Error => _outer?.Error ?? _error;

    public string Required(string name, int maxLength) =>
        Optional(name, maxLength) ?? (IsMissing(name) ? Fail($"{_prefix}{name} is missing", "") : "");

    public string? Optional(string name, int maxLength)
    {
        if (Field(name) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.String) return Fail<string?>($"{_prefix}{name} is not a JSON string", null);
        var text = value.GetString()!;
        if (text.Length == 0) return null;
        return text.Length <= maxLength ? text : Fail<string?>($"{_prefix}{name} is longer than {maxLength} characters", null);
    }

    /// <summary>An integer given as a JSON number or as a string of digits.</summary>
    public long? OptionalLong(string name)
    {
        if (Field(name) is not { } value) return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString()!,
            _ => null,
        };
        if (text?.Length == 0) return null;
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : Fail<long?>($"{_prefix}{name} '{text ?? value.GetRawText()}' is not an integer", null);
    }

    public DateTimeOffset RequiredTime(string name)
    {
        var text = Required(name, 20);
        if (text.Length == 0) return default;
        return KooGalleryTime.TryParse(text, out var time) ? time : Fail($"{_prefix}{name} '{text}' is not a UTC time in yyyyMMddHHmmss[SSS] form", default(DateTimeOffset));
    }

    /// <summary>A reader for a mandatory nested object, whose problems are reported here as <c>name.field</c>.</summary>
    public FieldReader RequiredObject(string name)
    {
        var value = Field(name);
        if (value is null) Fail($"{_prefix}{name} is missing", 0);
        else if (value.Value.ValueKind != JsonValueKind.Object) Fail($"{_prefix}{name} is not a JSON object", 0);
        return new FieldReader(value ?? default, $"{_prefix}{name}.", this);
    }

    /// <summary>Records a problem found by the caller, unless an earlier one is already recorded.</summary>
    public T Fail<T>(string message, T fallback)
    {
        if (_outer is not null) return _outer.Fail(message, fallback);
        _error ??= message;
        return fallback;
    }

    private JsonElement? Field(string name) =>
        _json.ValueKind == JsonValueKind.Object
        && _json.TryGetProperty(name, out var value)
        && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    private bool IsMissing(string name) =>
        Field(name) is not { } value || (value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0);
}
