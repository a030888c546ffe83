using System.Text.Json;

namespace Provisioning.KooGallery.V2;

/// <summary>Reads the already verified bytes of a V2 request body as one JSON object (spec §2.0).</summary>
public static class V2Body
{
    /// <summary>
    /// The body's root object, detached from the bytes. Never throws; on failure <paramref name="error"/> says why.
    /// A leading UTF-8 byte order mark is skipped; anything after the object fails. Every string in the result
    /// is valid Unicode, so reading it cannot throw.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> body, out JsonElement root, out string? error) =>
        JsonObjectBody.TryRead(body, out root, out error);
}
