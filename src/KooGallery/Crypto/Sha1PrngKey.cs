using System.Security.Cryptography;
using System.Text;

namespace Provisioning.KooGallery;

/// <summary>
/// The AES key Java produces with <c>KeyGenerator.init(bits, SHA1PRNG seeded with the Key)</c>:
/// the first bytes of the Sun SHA1PRNG stream for that seed (spec §3.5 step 2).
/// </summary>
public static class Sha1PrngKey
{
    private const int BlockBytes = 20;

    /// <summary>The AES key for the seller Key (UTF-8) and key size.</summary>
    public static byte[] Derive(string key, EncryptType type)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Derive(Encoding.UTF8.GetBytes(key), EncryptTypes.KeyBytes(type));
    }

    /// <summary>The first <paramref name="keyBytes"/> bytes of the SHA1PRNG stream seeded with <paramref name="seed"/>.</summary>
    public static byte[] Derive(ReadOnlySpan<byte> seed, int keyBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keyBytes);
        Span<byte> state = stackalloc byte[BlockBytes];
        Span<byte> block = stackalloc byte[BlockBytes];
        SHA1.HashData(seed, state);

        var output = new byte[keyBytes];
        for (var filled = 0; filled < keyBytes; filled += BlockBytes)
        {
            SHA1.HashData(state, block);
            Advance(state, block);
            block[..Math.Min(BlockBytes, keyBytes - filled)].CopyTo(output.AsSpan(filled));
        }

        CryptographicOperations.ZeroMemory(state);
        CryptographicOperations.ZeroMemory(block);
        return output;
    }

    // Java's updateState: add output + 1 into the state with signed bytes and carry; bump state[0] if nothing changed.
    private static void Advance(Span<byte> state, ReadOnlySpan<byte> output)
    {
        var carry = 1;
        var changed = false;
        for (var i = 0; i < state.Length; i++)
        {
            var sum = (sbyte)state[i] + (sbyte)output[i] + carry;
            var next = (byte)sum;
            changed |= next != state[i];
            state[i] = next;
            carry = sum >> 8;
        }

        if (!changed)
        {
            state[0]++;
        }
    }
}
