using System.Text.Json;
using Provisioning.KooGallery.V2;

namespace Provisioning.Gateway.KooGallery;

/// <summary>A POSTed body as received: its exact bytes (null when over the limit) and its JSON, or why it is not a JSON object.</summary>
internal readonly record struct ReceivedBody(byte[]? Bytes, JsonElement Root, string? Error)
{
    public bool IsJson => Error is null;

    public static ReceivedBody Read(byte[]? bytes, int maxBytes)
    {
        if (bytes is null) return new(null, default, $"the body is larger than {maxBytes} bytes");
        return V2Body.TryRead(bytes, out var root, out var error) ? new(bytes, root, null) : new(bytes, default, error);
    }
}
