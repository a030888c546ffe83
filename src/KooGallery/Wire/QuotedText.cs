namespace Provisioning.KooGallery;

/// <summary>Text a sender chose, as an answer or a log line repeats it: cut short, so neither grows with what was sent.</summary>
public static class QuotedText
{
    public static string Shorten(string text, int maxLength) => text.Length <= maxLength ? text : text[..maxLength] + "…";
}
