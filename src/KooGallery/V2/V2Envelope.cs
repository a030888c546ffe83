using System.Text.Json;

namespace Provisioning.KooGallery.V2;

/// <summary>The fields every V2 request body carries besides its activity's own: <c>activity</c> and <c>testFlag</c>.</summary>
public static class V2Envelope
{
    /// <summary>The <c>activity</c> string, or null when it is absent or not a JSON string.</summary>
    public static string? Activity(JsonElement root) => JsonEnvelope.Text(root, "activity");

    /// <inheritdoc cref="JsonEnvelope.IsTest"/>
    public static bool IsTest(JsonElement root) => JsonEnvelope.IsTest(root);
}
