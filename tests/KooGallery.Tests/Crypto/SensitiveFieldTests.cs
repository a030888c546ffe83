namespace Provisioning.KooGallery.Tests.Crypto;

public class SensitiveFieldTests
{
    private const string Email256 = "AbCdEfGh12345678XGKJm17iShv6FgNydeESk01W0EXShxw93+8LG2v8kxQ=";
    private const string Email128 = "AbCdEfGh12345678whnKA8ZGoeW99hN3yaz0JUdULRK0OAGDQp2FX1Cpgb0=";

    [Theory]
    [InlineData(Email256, EncryptType.Aes256)]
    [InlineData(Email128, EncryptType.Aes128)]
    public void The_preferred_key_size_is_used_when_it_fits(string value, EncryptType type)
    {
        Assert.True(SensitiveField.TryDecrypt(value, SpecExample.Key, type, out var plaintext, out var used));
        Assert.Equal("admin@example.com", plaintext);
        Assert.Equal(type, used);
    }

    [Theory]
    [InlineData(Email256, EncryptType.Aes128, EncryptType.Aes256)]
    [InlineData(Email128, EncryptType.Aes256, EncryptType.Aes128)]
    public void It_falls_back_to_the_other_key_size_and_says_so(string value, EncryptType preferred, EncryptType expected)
    {
        Assert.True(SensitiveField.TryDecrypt(value, SpecExample.Key, preferred, out var plaintext, out var used));
        Assert.Equal("admin@example.com", plaintext);
        Assert.Equal(expected, used);
    }

    [Fact]
    public void The_spec_decryption_check_with_a_space_for_the_plus_decrypts()
    {
        const string value = "AbCdEfGh12345678XGKJm17iShv6FgNydeESk01W0EXShxw93 8LG2v8kxQ=";

        Assert.True(SensitiveField.TryDecrypt(value, SpecExample.Key, EncryptType.Aes256, out var plaintext, out var used));
        Assert.Equal("admin@example.com", plaintext);
        Assert.Equal(EncryptType.Aes256, used);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("13800138000")]
    [InlineData("AbCdEfGh12345678%2B%3D")]
    public void Garbage_does_not_decrypt_with_either_size(string? value)
    {
        Assert.False(SensitiveField.TryDecrypt(value, SpecExample.Key, EncryptType.Aes256, out var plaintext, out _));
        Assert.Equal(string.Empty, plaintext);
    }

    [Fact]
    public void A_value_for_another_key_does_not_decrypt()
    {
        Assert.False(SensitiveField.TryDecrypt(Email256, "AnotherSellerKey", EncryptType.Aes256, out _, out _));
    }
}
