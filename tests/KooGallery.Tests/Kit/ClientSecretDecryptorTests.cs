using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Encodings;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Provisioning.KooGallery.Kit;

namespace Provisioning.KooGallery.Tests.Kit;

public sealed class ClientSecretDecryptorTests : IClassFixture<ClientSecretDecryptorTests.Keys>
{
    private const string Secret = "client-secret+/=密钥";

    private readonly Keys _keys;

    public ClientSecretDecryptorTests(Keys keys) => _keys = keys;

    public enum Variant
    {
        Sha1,
        Sha256WithMgf1Sha1,
        Sha256,
    }

    [Theory]
    [InlineData(Variant.Sha1)]
    [InlineData(Variant.Sha256WithMgf1Sha1)]
    [InlineData(Variant.Sha256)]
    public void Each_oaep_variant_decrypts_back_to_the_plaintext(Variant variant)
    {
        using var decryptor = new ClientSecretDecryptor(_keys.Pkcs8Pem);

        Assert.True(decryptor.TryDecrypt(_keys.Encrypt(variant, Secret), out var plaintext));
        Assert.Equal(Secret, plaintext);
    }

    [Fact]
    public void A_pkcs1_private_key_works_too()
    {
        using var decryptor = new ClientSecretDecryptor(_keys.Pkcs1Pem);

        Assert.True(decryptor.TryDecrypt(_keys.Encrypt(Variant.Sha256, Secret), out var plaintext));
        Assert.Equal(Secret, plaintext);
    }

    [Fact]
    public void The_working_variant_is_remembered_and_others_still_work()
    {
        using var decryptor = new ClientSecretDecryptor(_keys.Pkcs8Pem);

        for (var round = 0; round < 2; round++)
        {
            foreach (var variant in Enum.GetValues<Variant>())
            {
                Assert.True(decryptor.TryDecrypt(_keys.Encrypt(variant, $"s{round}{variant}"), out var plaintext));
                Assert.Equal($"s{round}{variant}", plaintext);
            }
        }
    }

    [Fact]
    public void Concurrent_decryption_gives_every_plaintext()
    {
        using var decryptor = new ClientSecretDecryptor(_keys.Pkcs8Pem);
        var ciphers = Enumerable.Range(0, 12).Select(i => (Plain: $"secret-{i}", Cipher: _keys.Encrypt((Variant)(i % 3), $"secret-{i}"))).ToArray();

        Parallel.ForEach(ciphers, c =>
        {
            Assert.True(decryptor.TryDecrypt(c.Cipher, out var plaintext));
            Assert.Equal(c.Plain, plaintext);
        });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not base64 at all!")]
    [InlineData("Qm9ndXNDaXBoZXJ0ZXh0")]
    [InlineData("Qm9ndXNDaXBoZXJ0ZXh0…(512 chars)…")]
    public void Garbage_is_refused(string? cipherText)
    {
        using var decryptor = new ClientSecretDecryptor(_keys.Pkcs8Pem);

        Assert.False(decryptor.TryDecrypt(cipherText, out var plaintext));
        Assert.Equal("", plaintext);
    }

    [Fact]
    public void A_ciphertext_of_the_right_length_but_random_bytes_is_refused()
    {
        using var decryptor = new ClientSecretDecryptor(_keys.Pkcs8Pem);

        Assert.False(decryptor.TryDecrypt(Convert.ToBase64String(RandomNumberGenerator.GetBytes(384)), out _));
    }

    [Fact]
    public void A_ciphertext_for_another_key_is_refused()
    {
        using var other = RSA.Create(3072);
        using var decryptor = new ClientSecretDecryptor(_keys.Pkcs8Pem);
        var cipher = Convert.ToBase64String(other.Encrypt(Encoding.UTF8.GetBytes(Secret), RSAEncryptionPadding.OaepSHA256));

        Assert.False(decryptor.TryDecrypt(cipher, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----")]
    public void A_text_without_a_private_key_is_refused_without_quoting_it(string pem)
    {
        var e = Assert.Throws<ArgumentException>(() => new ClientSecretDecryptor(pem));

        Assert.DoesNotContain("bm90IGEga2V5", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_key_alone_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ClientSecretDecryptor(_keys.PublicPem));
    }

    [Fact]
    public void The_decryptor_does_not_show_the_key()
    {
        using var decryptor = new ClientSecretDecryptor(_keys.Pkcs8Pem);
        var body = _keys.Pkcs8Pem.Split('\n')[1];

        Assert.DoesNotContain(body, decryptor.ToString() ?? "", StringComparison.Ordinal);
    }

    /// <summary>One 3072-bit key pair for the whole class: generating it takes a while.</summary>
    public sealed class Keys : IDisposable
    {
        private readonly RSA _rsa = RSA.Create(3072);

        public string Pkcs8Pem => _rsa.ExportPkcs8PrivateKeyPem();

        public string Pkcs1Pem => _rsa.ExportRSAPrivateKeyPem();

        public string PublicPem => _rsa.ExportSubjectPublicKeyInfoPem();

        public string Encrypt(Variant variant, string plaintext)
        {
            var data = Encoding.UTF8.GetBytes(plaintext);
            return Convert.ToBase64String(variant switch
            {
                Variant.Sha1 => _rsa.Encrypt(data, RSAEncryptionPadding.OaepSHA1),
                Variant.Sha256 => _rsa.Encrypt(data, RSAEncryptionPadding.OaepSHA256),
                _ => MixedOaep(data),
            });
        }

        public void Dispose() => _rsa.Dispose();

        private byte[] MixedOaep(byte[] data)
        {
            var p = _rsa.ExportParameters(includePrivateParameters: false);
            var oaep = new OaepEncoding(new RsaEngine(), new Sha256Digest(), new Sha1Digest(), null);
            oaep.Init(forEncryption: true, new RsaKeyParameters(false, new BigInteger(1, p.Modulus), new BigInteger(1, p.Exponent)));
            return oaep.ProcessBlock(data, 0, data.Length);
        }
    }
}
