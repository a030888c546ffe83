using System.ComponentModel.DataAnnotations;

namespace Provisioning.Infrastructure.Licenses;

/// <summary>
/// The default License issuer's key (configuration section <c>Licenses</c>). Without one, sellers of SaaS products need
/// nothing; a License callback is answered <c>000005</c> until it is set (Development generates one).
/// </summary>
public sealed class LicenseOptions : IValidatableObject
{
    public const string SectionName = "Licenses";

    /// <summary>The ECDSA P-256 private key Licenses are signed with (ES256), as a PEM PKCS#8 <c>PRIVATE KEY</c>.</summary>
    public string? SigningKey { get; set; }

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(SigningKey)) yield break;
        if (!LicenseSigningKey.TryLoad(SigningKey, out var key, out var problem))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(SigningKey)} {problem}", [nameof(SigningKey)]);
        }

        key?.Dispose();
    }
}
