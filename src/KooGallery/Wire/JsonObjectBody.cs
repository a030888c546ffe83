using System.Text.Json;

namespace Provisioning.KooGallery;

/// <summary>
/// Reads bytes that must hold exactly one JSON object (a V2 request body, an Open API answer) without ever throwing.
/// Every string in the result is valid Unicode, so reading it cannot throw either.
/// </summary>
internal static class JsonObjectBody
{
    // Multiple values are allowed only to tell a second value apart from garbage after the first.
    private static readonly JsonReaderOptions Options = new() { AllowMultipleValues = true };

    private const int MaxQuotedKey = 64;

    /// <summary>The root object, detached from the bytes; a leading UTF-8 byte order mark is skipped.</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, out JsonElement root, out string? error)
    {
        root = default;
        body = body.StartsWith("\uFEFF"u8) ? body[3..] : body;
        try
        {
            var reader = new Utf8JsonReader(body, Options);
            var value = JsonElement.ParseValue(ref reader);
            error = reader.Read() ? "the body holds more than one JSON value"
                : value.ValueKind != JsonValueKind.Object ? "the body is not a JSON object"
                : Ambiguity(body, Options) is { } ambiguity ? "the body " + ambiguity
                : null;
            root = error is null ? value : default;
            return error is null;
        }
        catch (JsonException)
        {
            error = body.IsEmpty ? "the body is empty" : "the body is not valid JSON";
            return false;
        }
    }

    /// <summary>
    /// Why JSON text cannot be read one way only, as the end of a sentence about it: a key repeated within one object
    /// (readers disagree on which value wins, so a signature could cover one and the call execute the other), or a string
    /// that is not valid Unicode (the reader checks syntax only; such a string throws when read). Null when neither.
    /// </summary>
    internal static string? Ambiguity(ReadOnlySpan<byte> json, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(json, options);
        var objects = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        objects.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        objects.Pop();
                        break;
                    case JsonTokenType.PropertyName when !objects.Peek().Add(reader.GetString()!):
                        return $"repeats the key '{QuotedText.Shorten(reader.GetString()!, MaxQuotedKey)}'";
                    case JsonTokenType.String:
                        reader.GetString();
                        break;
                }
            }

            return null;
        }
        catch (InvalidOperationException)
        {
            return "holds a string that is not valid Unicode";
        }
    }
}
