using System.Text;
using System.Text.Json;
using Provisioning.KooGallery.V2;

namespace Provisioning.KooGallery.Tests.V2;

/// <summary>Request bodies for the V2 tests, read the way the gateway reads them.</summary>
internal static class Json
{
    public static JsonElement Root(string json)
    {
        Assert.True(V2Body.TryRead(Encoding.UTF8.GetBytes(json), out var root, out var error), error);
        return root;
    }
}
