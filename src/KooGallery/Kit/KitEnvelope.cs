using System.Text.Json;
using Provisioning.KooGallery.V2;

namespace Provisioning.KooGallery.Kit;

/// <summary>The fields every Kit request body carries besides its interface's own.</summary>
public static class KitEnvelope
{
    /// <summary>True for a debug call: <c>testFlag</c> is the number <c>1</c> or the string <c>"1"</c>; anything else is live.</summary>
    public static bool IsTest(JsonElement root) => V2Envelope.IsTest(root);
}
