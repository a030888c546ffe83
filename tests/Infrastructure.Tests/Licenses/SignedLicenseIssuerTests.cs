using System.Buffers.Text;
using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;
using Provisioning.Infrastructure.Licenses;

namespace Provisioning.Infrastructure.Tests.Licenses;

public sealed class SignedLicenseIssuerTests
{
    // The library checks the lifetime against the real clock, as the seller's software will.
    private static readonly DateTimeOffset IssuedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds());

    private static readonly LicenseTerms Terms = new(
        "9b2f6f3e-1c1d-4c51-9d1e-2a7d5e0b1a11", Traffic.Live, "00301-123456-0--0", "a63ee5c9-4f86-11ed-9f95-fa163e8cb3b2",
        "68805512345678901234567890abcdef", IssuedAt, IssuedAt.AddYears(1), 5);

    private static string NewKeyPem()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return ecdsa.ExportPkcs8PrivateKeyPem();
    }

    private static SignedLicenseIssuer Issuer(string? pem) => new(Options.Create(new LicenseOptions { SigningKey = pem }));

    /// <summary>Verifies as docs/licenses.md tells the seller's software to: with the published PEM only, through an independent JWT library.</summary>
    private static async Task<TokenValidationResult> VerifyWithPublishedKey(string token, LicenseVerificationKey published)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(published.PublicKeyPem);
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new ECDsaSecurityKey(ecdsa) { KeyId = published.KeyId },
            ValidAlgorithms = [published.Algorithm],
            ValidateIssuer = false,
            ValidateAudience = false,
            RequireExpirationTime = false,
        });
    }

    [Fact]
    public async Task An_issued_License_verifies_with_the_published_key_and_carries_its_terms()
    {
        using var issuer = Issuer(NewKeyPem());
        var token = await issuer.IssueAsync(Terms, CancellationToken.None);

        var result = await VerifyWithPublishedKey(token, issuer.Current!);

        Assert.True(result.IsValid, result.Exception?.Message);
        var jwt = (JsonWebToken)result.SecurityToken;
        Assert.Equal(("ES256", issuer.Current!.KeyId), (jwt.Alg, jwt.Kid));
        Assert.Equal(Terms.InstanceId, jwt.GetClaim("lic").Value);
        Assert.Equal(Terms.ProductId, jwt.GetClaim("prd").Value);
        Assert.Equal(Terms.SkuCode, jwt.GetClaim("sku").Value);
        Assert.Equal(Terms.CustomerId, jwt.Subject);
        Assert.Equal(IssuedAt.UtcDateTime, jwt.IssuedAt);
        Assert.Equal(IssuedAt.AddYears(1).UtcDateTime, jwt.ValidTo);
        Assert.Equal(5, jwt.GetPayloadValue<int>("qty"));
        Assert.False(jwt.GetPayloadValue<bool>("tst"));
    }

    [Fact]
    public async Task An_expired_License_is_refused_by_the_library()
    {
        using var issuer = Issuer(NewKeyPem());
        var token = await issuer.IssueAsync(Terms with { IssuedAt = IssuedAt.AddYears(-1), ExpiresAt = IssuedAt.AddDays(-1) }, CancellationToken.None);

        Assert.False((await VerifyWithPublishedKey(token, issuer.Current!)).IsValid);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_tampered_License_fails_verification(int part)
    {
        using var issuer = Issuer(NewKeyPem());
        var parts = (await issuer.IssueAsync(Terms, CancellationToken.None)).Split('.');
        parts[part] = part switch
        {
            0 => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"alg":"ES256","typ":"JWT","kid":"{{issuer.Current!.KeyId}}","x":1}""")),
            1 => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("\"qty\":5", "\"qty\":500"))),
            _ => Base64Url.EncodeToString(Base64Url.DecodeFromChars(parts[2]).Select((b, i) => i == 0 ? (byte)(b ^ 1) : b).ToArray()),
        };

        Assert.False((await VerifyWithPublishedKey(string.Join('.', parts), issuer.Current!)).IsValid);
    }

    [Fact]
    public async Task A_License_signed_with_another_key_fails_verification()
    {
        using var issuer = Issuer(NewKeyPem());
        using var other = Issuer(NewKeyPem());

        var token = await other.IssueAsync(Terms, CancellationToken.None);

        Assert.False((await VerifyWithPublishedKey(token, issuer.Current!)).IsValid);
    }

    [Fact]
    public async Task A_perpetual_test_License_has_no_expiry_and_says_it_is_a_test_and_names_device_and_event()
    {
        using var issuer = Issuer(NewKeyPem());
        var token = await issuer.IssueAsync(
            Terms with { Traffic = Traffic.Test, ExpiresAt = null, Quantity = null, SkuCode = null, DeviceFingerprint = "AA:BB|disk|board|cpu", EventId = "evt-1" },
            CancellationToken.None);

        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]));
        var claims = payload.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(["lic", "prd", "sub", "iat", "tst", "dev", "evt"], claims);
        Assert.True(payload.RootElement.GetProperty("tst").GetBoolean());
        Assert.Equal("AA:BB|disk|board|cpu", payload.RootElement.GetProperty("dev").GetString());
        Assert.True((await VerifyWithPublishedKey(token, issuer.Current!)).IsValid);
    }

    [Fact]
    public async Task The_longest_terms_the_marketplace_sends_make_a_License_within_the_limit_in_printable_ASCII()
    {
        using var issuer = Issuer(NewKeyPem());
        var token = await issuer.IssueAsync(
            Terms with { InstanceId = new string('i', 64), ProductId = new string('p', 64), SkuCode = new string('s', 64), CustomerId = new string('c', 100), DeviceFingerprint = new string('d', 512), EventId = new string('e', 64) },
            CancellationToken.None);

        Assert.InRange(token.Length, 1, LicenseTerms.MaxLicenseLength);
        Assert.All(token, c => Assert.InRange(c, '!', '~'));
    }

    [Fact]
    public void The_key_id_is_the_RFC_7638_thumbprint_of_the_public_key()
    {
        // RFC 7638 §3.1's example is RSA; this checks the EC form of the same rule against the JWK a library computes.
        var pem = NewKeyPem();
        using var issuer = Issuer(pem);
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);

        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ecdsa));

        Assert.Equal(Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()), issuer.Current!.KeyId);
    }

    [Fact]
    public async Task Without_a_key_nothing_is_published_and_issuing_names_the_setting_only()
    {
        using var issuer = Issuer(null);

        Assert.Null(issuer.Current);
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => issuer.IssueAsync(Terms, CancellationToken.None).AsTask());
        Assert.Contains("Licenses:SigningKey", failure.Message);
    }

    [Theory]
    [InlineData("not a key", "is not a PEM EC private key")]
    [InlineData(null, "must be a key on the P-256 curve")]
    public void A_bad_configured_key_refuses_to_start_without_quoting_it(string? pem, string problem)
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var options = new LicenseOptions { SigningKey = pem ?? p384.ExportPkcs8PrivateKeyPem() };

        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));

        var message = Assert.Single(results).ErrorMessage!;
        Assert.Contains($"Licenses:SigningKey {problem}", message);
        Assert.DoesNotContain("PRIVATE KEY-----\n", message);
    }

    [Fact]
    public void A_public_key_is_refused_as_signing_key()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var options = new LicenseOptions { SigningKey = ecdsa.ExportSubjectPublicKeyInfoPem() };

        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains("the private key is needed", Assert.Single(results).ErrorMessage);
    }
}
