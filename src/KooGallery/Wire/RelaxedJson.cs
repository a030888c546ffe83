using System.Text;
using System.Text.Json;

namespace Provisioning.KooGallery;

/// <summary>
/// Reads JSON text that KooGallery sends inside a string field (V1 <c>userList</c>, <c>orgInfo</c>), tolerating
/// what its documentation shows (Kit spec A-7): object keys without quotes, trailing commas and comments.
/// </summary>
public static class RelaxedJson
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// The elements of the array the text holds. False when it is not one, even in relaxed syntax, or when it cannot be
    /// read one way only (<paramref name="ambiguity"/>, the end of a sentence about the text: an object in it repeats a
    /// key, or one of its strings is not valid Unicode).
    /// </summary>
    public static bool TryParseArray(string text, out IReadOnlyList<JsonElement> items, out string? ambiguity)
    {
        items = [];
        try
        {
            var json = Encoding.UTF8.GetBytes(QuoteBareKeys(text));
            using var document = JsonDocument.Parse(json, Options);
            ambiguity = JsonObjectBody.Ambiguity(json, ReaderOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Array || ambiguity is not null) return false;
            items = [.. document.RootElement.EnumerateArray().Select(item => item.Clone())];
            return true;
        }
        catch (JsonException)
        {
            ambiguity = null;
            return false;
        }
    }

    /// <summary>
    /// Puts double quotes around every bare identifier (letters, digits, <c>_</c>, <c>$</c>) that follows <c>{</c> or
    /// <c>,</c> and is followed by <c>:</c>, outside string literals. Everything else is left as it is.
    /// </summary>
    public static string QuoteBareKeys(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length + 16);
        var expectKey = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                var end = EndOfString(text, i);
                result.Append(text, i, end - i);
                i = end - 1;
                expectKey = false;
            }
            else if (expectKey && IsIdentifierPart(c))
            {
                var end = i;
                while (end < text.Length && IsIdentifierPart(text[end])) end++;
                var colon = end;
                while (colon < text.Length && char.IsWhiteSpace(text[colon])) colon++;
                var isKey = colon < text.Length && text[colon] == ':';
                result.Append(isKey ? "\"" : "").Append(text, i, end - i).Append(isKey ? "\"" : "");
                i = end - 1;
                expectKey = false;
            }
            else
            {
                result.Append(c);
                if (!char.IsWhiteSpace(c)) expectKey = c is '{' or ',';
            }
        }

        return result.ToString();
    }

    // Index just past the closing quote of the string literal opening at start (or the end of the text if unclosed).
    private static int EndOfString(string text, int start)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] == '"') return i + 1;
        }

        return text.Length;
    }

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$';
}
