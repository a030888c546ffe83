using System.Text;

namespace Provisioning.KooGallery.Tests.Crypto;

public class Sha1PrngKeyTests
{
    [Theory]
    [InlineData(EncryptType.Aes128, "a45d710c378438132ad8b2b8bcd9598d")]
    [InlineData(EncryptType.Aes256, "a45d710c378438132ad8b2b8bcd9598db8c46b909ade80c6e950a9cc9ff7c4e4")]
    public void The_spec_example_keys_are_derived_exactly(EncryptType type, string expectedHex)
    {
        Assert.Equal(expectedHex, Convert.ToHexStringLower(Sha1PrngKey.Derive(SpecExample.Key, type)));
    }

    // Computed with OpenJDK 17.0.15: KeyGenerator "AES" initialised with a SHA1PRNG seeded by key.getBytes("UTF-8").
    [Theory]
    [InlineData("", 16, "be1bdec0aa74b4dcb079943e70528096")]
    [InlineData("", 32, "be1bdec0aa74b4dcb079943e70528096cca985f80a0e17bb3ba928a79edc0fd2")]
    [InlineData("k", 16, "69a7bae3d37a83849ecef8f3ff9260b3")]
    [InlineData("k", 32, "69a7bae3d37a83849ecef8f3ff9260b35e01555d75554530cfad8b045e55c714")]
    [InlineData("服务商Key-密钥", 16, "78b2d3c163c18a7bea133797ec5e6370")]
    [InlineData("服务商Key-密钥", 32, "78b2d3c163c18a7bea133797ec5e637011645e07bf4f0a44f766c275f1ccd66b")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890", 16, "52ebac82cf3723f8341a8e6cfb8342ca")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890", 32, "52ebac82cf3723f8341a8e6cfb8342ca002718ebef18ea5ec6eea1ba7f9eb091")]
    public void Keys_match_Java_for_other_seeds(string key, int keyBytes, string expectedHex)
    {
        Assert.Equal(expectedHex, Convert.ToHexStringLower(Sha1PrngKey.Derive(Encoding.UTF8.GetBytes(key), keyBytes)));
    }

    [Fact]
    public void A_longer_key_extends_the_same_stream()
    {
        var seed = Encoding.UTF8.GetBytes(SpecExample.Key);
        var sixty = Sha1PrngKey.Derive(seed, 60);

        Assert.Equal(Sha1PrngKey.Derive(seed, 32), sixty[..32]);
        Assert.Equal(Sha1PrngKey.Derive(seed, 20), sixty[..20]);
        Assert.Equal(Sha1PrngKey.Derive(seed, 1), sixty[..1]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_key_size_below_one_byte_is_refused(int keyBytes)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sha1PrngKey.Derive("k"u8, keyBytes));
    }
}
