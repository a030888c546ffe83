using System.Text.Json;

namespace Provisioning.Testing;

/// <summary>A verified answer (V1 or V2): its exact bytes and its JSON.</summary>
public sealed record SignedAnswer(byte[] Body, JsonElement Json)
{
    public string ResultCode => Json.GetProperty("resultCode").GetString()!;

    public string ResultMsg => Json.GetProperty("resultMsg").GetString()!;

    public string? this[string name] => Json.TryGetProperty(name, out var value) ? value.ToString() : null;
}
