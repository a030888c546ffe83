using System.Globalization;
using System.Text.Json;

namespace Provisioning.KooGallery;

/// <summary>
/// Reads typed fields from a V2 or Kit request body, enforcing the spec's maximum lengths. Text fields must be JSON strings;
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

    /// <summary>A field that must be present but may be null or empty (Kit <c>instanceId</c>, <c>orderId</c>); empty reads as null.</summary>
    public string? RequiredMayBeEmpty(string name, int maxLength)
    {
        if (_json.ValueKind != JsonValueKind.Object || !_json.TryGetProperty(name, out _)) return Fail<string?>($"{_prefix}{name} is missing", null);
        return Optional(name, maxLength);
    }

    /// <summary>A mandatory integer given as a JSON number or as a string of digits.</summary>
    public long RequiredLong(string name)
    {
        if (Field(name) is null || IsMissing(name)) return Fail($"{_prefix}{name} is missing", 0L);
        return OptionalLong(name) ?? 0L;
    }

    /// <summary>An optional integer that must fit in 32 bits.</summary>
    public int? OptionalInt(string name)
    {
        var value = OptionalLong(name);
        return value is null or (>= int.MinValue and <= int.MaxValue)
            ? (int?)value
            : Fail<int?>($"{_prefix}{name} {value} is out of range", null);
    }

    /// <summary>A mandatory boolean given as the string <c>"true"</c>/<c>"false"</c> (any case) or as a JSON boolean.</summary>
    public bool RequiredBoolean(string name, int maxLength)
    {
        if (Field(name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value) return value.GetBoolean();
        var text = Required(name, maxLength);
        if (text.Length == 0) return false;
        return bool.TryParse(text, out var flag) ? flag : Fail($"{_prefix}{name} '{text}' is not true or false", false);
    }

    /// <summary>
    /// A mandatory text field under <paramref name="name"/> or, when that is absent, under <paramref name="alias"/>
    /// (e.g. <c>orgName</c> or <c>name</c>).
    /// </summary>
    public string RequiredEither(string name, string alias, int maxLength)
    {
        if (IsMissing(name) && !IsMissing(alias)) return Required(alias, maxLength);
        return Optional(name, maxLength) ?? (IsMissing(name) ? Fail($"{_prefix}{name} (or {alias}) is missing", "") : "");
    }

    /// <summary>
    /// A mandatory JSON array, also accepted as a JSON string holding one in relaxed syntax (<see cref="RelaxedJson"/>).
    /// On failure the result is an empty array.
    /// </summary>
    public IReadOnlyList<JsonElement> RequiredArray(string name)
    {
        if (Field(name) is not { } value || IsMissing(name)) return Fail<IReadOnlyList<JsonElement>>($"{_prefix}{name} is missing", []);
        if (value.ValueKind == JsonValueKind.Array) return [.. value.EnumerateArray()];
        string? ambiguity = null;
        if (value.ValueKind == JsonValueKind.String && RelaxedJson.TryParseArray(value.GetString()!, out var items, out ambiguity)) return items;
        return Fail<IReadOnlyList<JsonElement>>($"{_prefix}{name} {ambiguity ?? "is not a JSON array (or a string holding one)"}", []);
    }

    /// <summary>A reader for one element of the array <paramref name="name"/>, which must be an object; its problems read <c>name[i].field</c>.</summary>
    public FieldReader Item(string name, int index, JsonElement item)
    {
        var path = $"{_prefix}{name}[{index}]";
        if (item.ValueKind != JsonValueKind.Object) Fail($"{path} is not a JSON object", 0);
        return new FieldReader(item, path + ".", this);
    }

    /// <summary>A reader for an optional nested object, or null when it is absent or null.</summary>
    public FieldReader? OptionalObject(string name)
    {
        if (Field(name) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.Object) return Fail<FieldReader?>($"{_prefix}{name} is not a JSON object", null);
        return new FieldReader(value, $"{_prefix}{name}.", this);
    }

    /// <summary>The field's name as problems report it, with the path of any enclosing object or array.</summary>
    public string PathOf(string name) => _prefix + name;

    /// <summary>True when the field is present and not null.</summary>
    public bool Has(string name) => Field(name) is not null;

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
