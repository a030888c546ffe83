using System.Security.Cryptography;
using Provisioning.Grains.Keys;
using Provisioning.Grains.Licenses;

namespace Provisioning.Infrastructure.Licenses;

/// <summary>
/// The ES256 key Licenses are signed with, and what is published of it: the SubjectPublicKeyInfo PEM and a <c>kid</c>, the
/// RFC 7638 thumbprint of its public JWK, so a new key gets a new id and anyone can compute it from the public key.
/// </summary>
internal sealed class LicenseSigningKey : IDisposable
{
    public const string Algorithm = "ES256";

    private LicenseSigningKey(ECDsa key)
    {
        Key = key;
        KeyId = JwkThumbprint.OfP256(key.ExportParameters(includePrivateParameters: false).Q);
        Published = new LicenseVerificationKey(Algorithm, KeyId, key.ExportSubjectPublicKeyInfoPem());
    }

    public ECDsa Key { get; }

    public string KeyId { get; }

    public LicenseVerificationKey Published { get; }

    /// <summary>Reads a PEM private key; the problem never quotes the key.</summary>
    public static bool TryLoad(string pem, out LicenseSigningKey? key, out string? problem)
    {
        (key, problem) = (null, null);
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            ecdsa.Dispose();
            problem = "is not a PEM EC private key (-----BEGIN PRIVATE KEY-----, PKCS#8)";
            return false;
        }

        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        if (parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            ecdsa.Dispose();
            problem = "must be a key on the P-256 curve (ES256)";
            return false;
        }

        try
        {
            ecdsa.ExportParameters(includePrivateParameters: true);
        }
        catch (CryptographicException)
        {
            ecdsa.Dispose();
            problem = "is a public key; the private key is needed to sign";
            return false;
        }

        key = new LicenseSigningKey(ecdsa);
        return true;
    }

    public void Dispose() => Key.Dispose();
}
