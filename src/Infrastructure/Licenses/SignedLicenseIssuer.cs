using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Provisioning.Grains.Licenses;

namespace Provisioning.Infrastructure.Licenses;

/// <summary>
/// The default <see cref="ILicenseIssuer"/>: a compact JWS (RFC 7515, ES256) over <see cref="LicenseClaims"/>, which the seller's
/// software verifies offline with the published key. Without <c>Licenses:SigningKey</c> it issues nothing and publishes nothing.
/// </summary>
internal sealed class SignedLicenseIssuer : ILicenseIssuer, ILicenseVerificationKeySource, IDisposable
{
    private readonly LicenseSigningKey? _key;

    public SignedLicenseIssuer(IOptions<LicenseOptions> options)
    {
        // The options were validated at start, so a configured key loads.
        if (options.Value.SigningKey is { Length: > 0 } pem && LicenseSigningKey.TryLoad(pem, out var key, out _)) _key = key;
    }

    public LicenseVerificationKey? Current => _key?.Published;

    public ValueTask<string> IssueAsync(LicenseTerms terms, CancellationToken cancellationToken)
    {
        var key = _key ?? throw new InvalidOperationException(
            $"{LicenseOptions.SectionName}:{nameof(LicenseOptions.SigningKey)} is not set: the default License issuer has no key to sign Licenses with.");

        var signingInput = Base64Url.EncodeToString(Header(key.KeyId)) + "." + Base64Url.EncodeToString(LicenseClaims.Payload(terms));
        byte[] signature;
        lock (key)
        {
            signature = key.Key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }

        var token = signingInput + "." + Base64Url.EncodeToString(signature);
        if (token.Length > LicenseTerms.MaxLicenseLength)
        {
            throw new InvalidOperationException($"The License token is {token.Length} characters, more than the marketplace takes ({LicenseTerms.MaxLicenseLength}).");
        }

        return ValueTask.FromResult(token);
    }

    public void Dispose() => _key?.Dispose();

    private static byte[] Header(string keyId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("alg", LicenseSigningKey.Algorithm);
            json.WriteString("typ", "JWT");
            json.WriteString("kid", keyId);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
