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
                : !HasValidStrings(body, Options) ? "the body holds a string that is not valid Unicode"
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

    // The reader checks syntax only: invalid UTF-8 and lone surrogate escapes inside strings throw when a string is read.
    internal static bool HasValidStrings(ReadOnlySpan<byte> json, JsonReaderOptions options)
    {
        var reader = new Utf8JsonReader(json, options);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    reader.GetString();
                }
            }

            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
