using System.Security.Cryptography;

namespace Provisioning.Gateway.KooGallery;

/// <summary>
/// In Development, secrets that are not configured are generated, so a first run needs no setup; they are printed once so a
/// local marketplace simulator or seller app can use them. In any other environment nothing is invented.
/// </summary>
internal static class KooGalleryKeys
{
    public static void GenerateMissingForDevelopment(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment()) return;

        var configuration = builder.Configuration;
        var generated = new[] { "KooGallery:Key", "KooGallery:AccessKey", "KooGallery:KitAccessKey", "KooGallery:LicenseAccessKey", "SellerApi:Key", "SellerApi:UsageKey", "SellerApi:LicenseKey", "SellerApi:AdminKey" }
            .Where(name => string.IsNullOrEmpty(configuration[name]))
            .ToDictionary(name => name, _ => (string?)RandomNumberGenerator.GetHexString(32, lowercase: true));
        string? publicKey = null;
        if (string.IsNullOrEmpty(configuration["KooGallery:KitPrivateKey"]))
        {
            using var rsa = RSA.Create(3072);
            generated["KooGallery:KitPrivateKey"] = rsa.ExportPkcs8PrivateKeyPem();
            publicKey = Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
        }

        var generateLicenseKey = string.IsNullOrEmpty(configuration["Licenses:SigningKey"]);
        if (generateLicenseKey)
        {
            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            generated["Licenses:SigningKey"] = ecdsa.ExportPkcs8PrivateKeyPem();
        }

        if (generated.Count == 0) return;
        configuration.AddInMemoryCollection(generated);
        Console.WriteLine("Development: generated secrets that are not configured (set them as environment variables, e.g. KooGallery__Key):");
        foreach (var (name, value) in generated.Where(g => g.Key is not "KooGallery:KitPrivateKey" and not "Licenses:SigningKey"))
        {
            Console.WriteLine($"  {name} = {value}");
        }

        if (publicKey is not null) Console.WriteLine($"  KooGallery:KitPrivateKey = (generated RSA-3072; its public key for the seller console: {publicKey})");
        if (generateLicenseKey) Console.WriteLine("  Licenses:SigningKey = (generated ECDSA P-256, new on every start; its public key: GET /api/licenses/signing-key)");
    }
}
