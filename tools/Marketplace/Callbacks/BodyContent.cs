namespace Provisioning.Marketplace.Callbacks;

/// <summary>The content of a marketplace POST: the exact signed bytes, at once or trickled.</summary>
internal static class BodyContent
{
    public static HttpContent Of(byte[] body, string contentType, BodyPace? pace)
    {
        HttpContent content = pace is null ? new ByteArrayContent(body) : new TricklingContent(body, pace);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
