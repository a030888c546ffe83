namespace Provisioning.KooGallery.Tests.Crypto;

public class EncryptTypesTests
{
    [Theory]
    [InlineData(EncryptType.Aes256, "1", 32)]
    [InlineData(EncryptType.Aes128, "2", 16)]
    public void Each_type_has_its_wire_code_and_key_size(EncryptType type, string wire, int keyBytes)
    {
        Assert.Equal(wire, EncryptTypes.ToWire(type));
        Assert.True(EncryptTypes.TryParse(wire, out var parsed));
        Assert.Equal(type, parsed);
        Assert.Equal(keyBytes, EncryptTypes.KeyBytes(type));
    }

    [Fact]
    public void An_absent_encryptType_means_AES_256()
    {
        Assert.Equal(EncryptType.Aes256, EncryptTypes.Default);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData(" 1")]
    [InlineData("01")]
    [InlineData("Aes256")]
    public void Only_1_and_2_parse(string? wire)
    {
        Assert.False(EncryptTypes.TryParse(wire, out _));
    }

    [Fact]
    public void An_undefined_type_has_no_wire_code_or_key_size()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EncryptTypes.ToWire((EncryptType)3));
        Assert.Throws<ArgumentOutOfRangeException>(() => EncryptTypes.KeyBytes((EncryptType)0));
    }
}
