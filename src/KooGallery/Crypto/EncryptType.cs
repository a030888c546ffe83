namespace Provisioning.KooGallery;

/// <summary>The AES key size for encrypted fields; the value is the <c>encryptType</c> wire code (spec §3.5).</summary>
public enum EncryptType
{
    /// <summary>AES-256-CBC, wire <c>"1"</c>; the default when <c>encryptType</c> is absent.</summary>
    Aes256 = 1,

    /// <summary>AES-128-CBC, wire <c>"2"</c>.</summary>
    Aes128 = 2,
}

/// <summary>Wire form and key size of <see cref="EncryptType"/>.</summary>
public static class EncryptTypes
{
    /// <summary>What an absent <c>encryptType</c> means.</summary>
    public const EncryptType Default = EncryptType.Aes256;

    /// <summary>The <c>encryptType</c> string: <c>"1"</c> or <c>"2"</c>.</summary>
    public static string ToWire(EncryptType type) => type switch
    {
        EncryptType.Aes256 => "1",
        EncryptType.Aes128 => "2",
        _ => throw Undefined(type),
    };

    /// <summary>Parses <c>"1"</c> or <c>"2"</c>; anything else, including null, is false.</summary>
    public static bool TryParse(string? wire, out EncryptType type)
    {
        (var ok, type) = wire switch
        {
            "1" => (true, EncryptType.Aes256),
            "2" => (true, EncryptType.Aes128),
            _ => (false, Default),
        };
        return ok;
    }

    /// <summary>The AES key length in bytes: 32 or 16.</summary>
    public static int KeyBytes(EncryptType type) => type switch
    {
        EncryptType.Aes256 => 32,
        EncryptType.Aes128 => 16,
        _ => throw Undefined(type),
    };

    internal static EncryptType Other(EncryptType type) =>
        type == EncryptType.Aes256 ? EncryptType.Aes128 : EncryptType.Aes256;

    private static ArgumentOutOfRangeException Undefined(EncryptType type) =>
        new(nameof(type), type, "Unknown encrypt type.");
}
