using System.Text;

namespace Provisioning.KooGallery.Tests.Crypto;

public class FieldCipherTests
{
    private const string ExampleIv = "AbCdEfGh12345678";

    private static readonly FieldCipher Aes256 = new(SpecExample.Key, EncryptType.Aes256);
    private static readonly FieldCipher Aes128 = new(SpecExample.Key, EncryptType.Aes128);

    private static FieldCipher CipherFor(EncryptType type) => type == EncryptType.Aes256 ? Aes256 : Aes128;

    // §3.5: Key "MyAccessKey-1234567890", fixed IV "AbCdEfGh12345678".
    public static readonly TheoryData<EncryptType, string, string> SpecCipherTexts = new()
    {
        { EncryptType.Aes256, "admin@example.com", "AbCdEfGh12345678XGKJm17iShv6FgNydeESk01W0EXShxw93+8LG2v8kxQ=" },
        { EncryptType.Aes128, "admin@example.com", "AbCdEfGh12345678whnKA8ZGoeW99hN3yaz0JUdULRK0OAGDQp2FX1Cpgb0=" },
        { EncryptType.Aes256, "P@ssw0rd!", "AbCdEfGh123456782U8IEYhzAegSsrE2V/Co9A==" },
        { EncryptType.Aes128, "P@ssw0rd!", "AbCdEfGh12345678uJTLZaMBCYz/gH2Jb2aj7w==" },
    };

    [Theory]
    [MemberData(nameof(SpecCipherTexts))]
    public void The_spec_example_ciphertexts_are_exact(EncryptType type, string plaintext, string expected)
    {
        Assert.Equal(expected, CipherFor(type).Encrypt(plaintext, ExampleIv));
    }

    [Theory]
    [MemberData(nameof(SpecCipherTexts))]
    public void The_spec_example_ciphertexts_decrypt_back(EncryptType type, string expected, string cipherText)
    {
        Assert.True(CipherFor(type).TryDecrypt(cipherText, out var plaintext));
        Assert.Equal(expected, plaintext);
    }

    [Fact]
    public void The_spec_decryption_check_with_a_space_for_the_plus_decrypts()
    {
        Assert.True(Aes256.TryDecrypt("AbCdEfGh12345678XGKJm17iShv6FgNydeESk01W0EXShxw93 8LG2v8kxQ=", out var plaintext));
        Assert.Equal("admin@example.com", plaintext);
    }

    // Computed with OpenJDK 17.0.15: AES/CBC/PKCS5Padding, SHA1PRNG-derived 256-bit key of a non-ASCII seller Key.
    [Fact]
    public void Non_ascii_key_and_plaintext_match_Java()
    {
        var cipher = new FieldCipher("服务商Key-密钥", EncryptType.Aes256);
        const string expected = "Zz09Yy18Xx27Ww36CO1h8nOFVkfhowXQ9h3DCRKpRA6/AoWUE9KaSvXiCeA=";

        Assert.Equal(expected, cipher.Encrypt("用户-user@例子.cn", "Zz09Yy18Xx27Ww36"));
        Assert.True(cipher.TryDecrypt(expected, out var plaintext));
        Assert.Equal("用户-user@例子.cn", plaintext);
    }

    [Theory]
    [InlineData(EncryptType.Aes256)]
    [InlineData(EncryptType.Aes128)]
    public void The_cipher_reports_its_type(EncryptType type)
    {
        Assert.Equal(type, CipherFor(type).Type);
    }

    [Fact]
    public void Equal_plaintexts_encrypt_identically_across_instances()
    {
        var first = Aes256.Encrypt("admin@example.com");
        var second = new FieldCipher(SpecExample.Key, EncryptType.Aes256).Encrypt("admin@example.com");

        Assert.Equal(first, second);
    }

    [Fact]
    public void Different_plaintexts_get_different_ivs()
    {
        var a = Aes256.Encrypt("admin@example.com");
        var b = Aes256.Encrypt("admin@example.con");

        Assert.NotEqual(a[..16], b[..16]);
    }

    [Fact]
    public void The_same_plaintext_under_another_key_gets_another_iv()
    {
        var mine = Aes256.Encrypt("admin@example.com");
        var theirs = new FieldCipher("AnotherSellerKey", EncryptType.Aes256).Encrypt("admin@example.com");

        Assert.NotEqual(mine[..16], theirs[..16]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("admin@example.com")]
    [InlineData("P@ssw0rd!")]
    [InlineData("exactly-sixteen!")]
    [InlineData("管理员-密码")]
    public void Encrypted_text_has_an_alphanumeric_iv_and_decrypts_back(string plaintext)
    {
        foreach (var cipher in new[] { Aes256, Aes128 })
        {
            var cipherText = cipher.Encrypt(plaintext);

            Assert.Matches("^[A-Za-z0-9]{16}[A-Za-z0-9+/]+={0,2}$", cipherText);
            Assert.True(cipher.TryDecrypt(cipherText, out var decrypted));
            Assert.Equal(plaintext, decrypted);
        }
    }

    [Theory]
    [InlineData(0, 40)]
    [InlineData(15, 40)]
    [InlineData(16, 60)]
    [InlineData(47, 80)]
    [InlineData(48, 104)]
    [InlineData(79, 124)]
    public void The_ciphertext_length_follows_the_spec_formula(int plaintextBytes, int expectedLength)
    {
        var cipherText = Aes256.Encrypt(new string('x', plaintextBytes));

        Assert.Equal(expectedLength, cipherText.Length);
        Assert.True(cipherText.Length <= FieldCipher.MaxCipherTextLength);
    }

    [Fact]
    public void Eighty_bytes_are_refused_without_revealing_the_plaintext()
    {
        var secret = "s3cr3t-" + new string('p', 73);
        Assert.Equal(80, secret.Length);

        var error = Assert.Throws<ArgumentException>(() => Aes256.Encrypt(secret));
        Assert.Contains("79", error.Message);
        Assert.DoesNotContain("s3cr3t", error.Message);
        Assert.Throws<ArgumentException>(() => Aes256.Encrypt(secret, "AbCdEfGh12345678"));
    }

    [Fact]
    public void The_limit_counts_utf8_bytes_not_characters()
    {
        Assert.Equal(124, Aes128.Encrypt(new string('密', 26) + "x").Length);  // 79 bytes
        Assert.Throws<ArgumentException>(() => Aes128.Encrypt(new string('密', 27)));  // 81 bytes
    }

    [Theory]
    [InlineData("")]
    [InlineData("AbCdEfGh1234567")]
    [InlineData("AbCdEfGh123456789")]
    [InlineData("AbCdEfGh1234567+")]
    [InlineData("AbCdEfGh 2345678")]
    [InlineData("AbCdEfGh1234567é")]
    public void A_malformed_explicit_iv_is_refused(string iv)
    {
        Assert.Throws<ArgumentException>(() => Aes256.Encrypt("admin@example.com", iv));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AbCdEfGh12345678")]
    [InlineData("short")]
    [InlineData("AbCdEfGh12345678!!!not base64!!!")]
    [InlineData("AbCdEfGh12345678XGKJm17iShv6FgNydeESk01W0EXShxw93+8LG2v8kx")]
    [InlineData("AbCdEfGh12345678AAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("AbCdEfGh12345678AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==")]
    [InlineData("AbCdEfGh12345678AAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("ÄbCdEfGh12345678XGKJm17iShv6FgNydeESk01W0EXShxw93+8LG2v8kxQ=")]
    [InlineData("admin@example.com")]
    public void Garbage_does_not_decrypt_and_does_not_throw(string? cipherText)
    {
        Assert.False(Aes256.TryDecrypt(cipherText, out var plaintext));
        Assert.Equal(string.Empty, plaintext);
    }

    [Theory]
    [InlineData(EncryptType.Aes256, "AbCdEfGh12345678whnKA8ZGoeW99hN3yaz0JUdULRK0OAGDQp2FX1Cpgb0=")]
    [InlineData(EncryptType.Aes128, "AbCdEfGh12345678XGKJm17iShv6FgNydeESk01W0EXShxw93+8LG2v8kxQ=")]
    public void The_other_key_size_does_not_decrypt(EncryptType type, string cipherText)
    {
        Assert.False(CipherFor(type).TryDecrypt(cipherText, out _));
    }

    [Fact]
    public void Another_key_does_not_decrypt()
    {
        var cipherText = new FieldCipher("AnotherSellerKey", EncryptType.Aes256).Encrypt("admin@example.com");

        Assert.False(Aes256.TryDecrypt(cipherText, out _));
    }

    [Fact]
    public void One_instance_serves_concurrent_callers()
    {
        var expected = Enumerable.Range(0, 64).Select(i => Aes256.Encrypt($"user{i}@example.com")).ToArray();

        Parallel.For(0, 2000, i =>
        {
            var n = i % expected.Length;
            Assert.Equal(expected[n], Aes256.Encrypt($"user{n}@example.com"));
            Assert.True(Aes256.TryDecrypt(expected[n], out var plaintext));
            Assert.Equal($"user{n}@example.com", plaintext);
        });
    }

    [Fact]
    public void The_key_does_not_show_in_ToString()
    {
        var text = Aes256.ToString() ?? string.Empty;

        Assert.DoesNotContain(SpecExample.Key, text);
        Assert.DoesNotContain("a45d710c", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_null_key_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new FieldCipher(null!, EncryptType.Aes256));
    }

    [Fact]
    public void An_undefined_type_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FieldCipher(SpecExample.Key, (EncryptType)9));
    }

    [Fact]
    public void Encrypted_bytes_are_utf8_of_the_plaintext()
    {
        // Independent check of the one-shot path: decrypting with the explicit-IV output gives UTF-8 bytes back.
        var cipherText = Aes128.Encrypt("é", "AbCdEfGh12345678");

        Assert.True(Aes128.TryDecrypt(cipherText, out var plaintext));
        Assert.Equal(Encoding.UTF8.GetBytes("é"), Encoding.UTF8.GetBytes(plaintext));
    }
}
