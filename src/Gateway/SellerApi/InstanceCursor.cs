using System.Buffers.Text;
using System.Text;

namespace Provisioning.Gateway.SellerApi;

/// <summary>
/// The opaque <c>cursor</c> of the instance list: where the next page starts (after the last instance id of the previous one).
/// Clients pass it back unchanged; its spelling may change.
/// </summary>
internal static class InstanceCursor
{
    private const string Prefix = "i1:";

    public static string Of(string lastInstanceId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + lastInstanceId));

    /// <summary>The instance id a cursor made by <see cref="Of"/> starts after; false for anything else.</summary>
    public static bool TryRead(string cursor, out string after)
    {
        after = "";
        if (!Base64Url.IsValid(cursor)) return false;
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length == Prefix.Length) return false;
        after = text[Prefix.Length..];
        return true;
    }
}
