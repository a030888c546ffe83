using System.Security.Cryptography;
using System.Text;

namespace Provisioning.Grains.Instances;

/// <summary>
/// Instance ids are derived from the order, never allocated, so duplicates of one order always reach
/// the same grain without an index write (ARCHITECTURE decision 1). The id is a name-based UUID
/// (RFC 9562 version 5) in a namespace per <see cref="Traffic"/>, so test orders never collide with real ones.
/// </summary>
public static class InstanceIds
{
    private static readonly Guid LiveNamespace = new("6f1d3c52-8a4e-4b7f-9c21-2d5e8f0a7b13");
    private static readonly Guid TestNamespace = new("b3e9a7d4-1c6f-4e28-a5d0-7f3b9c2e6a81");

    /// <summary>The instance id for an order: stable across calls, processes and versions.</summary>
    public static string Derive(OrderKey order, Traffic traffic)
    {
        var ns = traffic == Traffic.Test ? TestNamespace : LiveNamespace;
        return NameBasedUuid(ns, order.Name).ToString("D");
    }

    internal static Guid NameBasedUuid(Guid ns, string name)
    {
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetByteCount(name)];
        ns.TryWriteBytes(input[..16], bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input[16..]);

        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash[..16], bigEndian: true);
    }
}
