using System.IO.Hashing;
using System.Text;

namespace Provisioning.Grains.Replay;

/// <summary>Where a nonce is remembered: one registry per scope, timestamp minute and shard.</summary>
public static class NonceRegistry
{
    // Shards spread one busy minute over several activations, so no single grain serializes all traffic.
    private const int Shards = 8;

    /// <summary>
    /// The registry key for a signed request. A replay carries the same timestamp (it is signed), so it
    /// always reaches the registry that saw the original.
    /// </summary>
    public static string KeyFor(string scope, DateTimeOffset timestamp, string nonce)
    {
        var minute = timestamp.ToUnixTimeSeconds() / 60;
        var shard = XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(nonce)) % Shards;
        return $"{scope}/{minute}/{shard}";
    }
}
