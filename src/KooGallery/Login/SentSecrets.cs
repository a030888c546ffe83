namespace Provisioning.KooGallery.Login;

/// <summary>
/// The codes, tokens, tickets and secrets one call sent, so that nothing the auth center echoes back (an
/// <c>error_description</c> such as "ticket ST-… not recognized") carries them into a message.
/// </summary>
internal sealed class SentSecrets(params string?[] values)
{
    private const int MaxQuoted = 300;

    private readonly string[] _values = [.. values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).OrderByDescending(v => v.Length)];

    /// <summary><paramref name="text"/> cut short, with every value sent replaced by <c>***</c>.</summary>
    public string Scrub(string text)
    {
        foreach (var value in _values)
        {
            text = text.Replace(value, "***", StringComparison.Ordinal);
        }

        return QuotedText.Shorten(text, MaxQuoted);
    }
}
