using System.Globalization;
using System.Text.Json;

namespace Provisioning.KooGallery.OpenApi;

/// <summary>
/// One JSON object of an Open API answer, read tolerantly (license §B.4.2): numbers may come as strings and text as
/// numbers, null counts as absent, unknown members are ignored. Where a value cannot be read at all, the strict readers
/// throw a <see cref="FormatException"/> naming its path, and the lenient ones give null.
/// </summary>
internal readonly record struct AnswerNode(JsonElement Json, string Path)
{
    public string? Text(string name) => Member(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString() is { Length: > 0 } text ? text : null,
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } value => value.GetRawText(),
        _ => throw Unreadable(name, "is not text"),
    };

    /// <summary>Like <see cref="Text"/>, but null where the value cannot be read, so a failure answer is still reported.</summary>
    public string? LenientText(string name)
    {
        try
        {
            return Text(name);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public string RequiredText(string name) => Text(name) ?? throw Unreadable(name, "is missing");

    /// <summary>Any value as text: strings as they are, anything else as its JSON; absent is empty.</summary>
    public string RawText(string name) => Member(name) switch
    {
        null => "",
        { ValueKind: JsonValueKind.String } value => value.GetString()!,
        var value => value.Value.GetRawText(),
    };

    public long? Integer(string name, bool strict) =>
        Text(name) is not { } text ? null
        : long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n
        : decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue ? (long)d
        : strict ? throw Unreadable(name, $"'{text}' is not an integer")
        : null;

    public decimal? Decimal(string name) =>
        Text(name) is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    public DateTimeOffset? Time(string name, bool strict) =>
        Text(name) is not { } text ? null
        : KooGalleryTime.TryParse(text, out var time) ? time
        : strict ? throw Unreadable(name, $"'{text}' is not a UTC time in yyyyMMddHHmmss[SSS] form")
        : null;

    public AnswerNode? Object(string name) => Member(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } value => new AnswerNode(value, Child(name)),
        _ => throw Unreadable(name, "is not an object"),
    };

    public IReadOnlyList<AnswerNode> Objects(string name)
    {
        if (Member(name) is not { } list) return [];
        if (list.ValueKind != JsonValueKind.Array) throw Unreadable(name, "is not a list");
        var nodes = new List<AnswerNode>(list.GetArrayLength());
        foreach (var item in list.EnumerateArray())
        {
            var path = $"{name}[{nodes.Count}]";
            nodes.Add(item.ValueKind == JsonValueKind.Object ? new AnswerNode(item, Child(path)) : throw Unreadable(path, "is not an object"));
        }

        return nodes;
    }

    private JsonElement? Member(string name) =>
        Json.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private string Child(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    private FormatException Unreadable(string name, string problem) => new($"{Child(name)} {problem}");
}
