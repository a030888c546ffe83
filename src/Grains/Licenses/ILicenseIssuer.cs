namespace Provisioning.Grains.Licenses;

/// <summary>
/// Port: makes the <c>license</c> string handed to a buyer of licensed software (the retired License callbacks' <c>getLicense</c>
/// and the online License's upload). Pluggable: the default issues a signed token the seller's software verifies offline; a
/// seller with a licensing server of its own registers an implementation that asks it. A grain stores what was issued, so an
/// issuer is called once per License (and once per renewal); it need not answer the same twice.
/// </summary>
public interface ILicenseIssuer
{
    /// <summary>The License for these terms: printable ASCII, at most <see cref="LicenseTerms.MaxLicenseLength"/> characters.</summary>
    /// <exception cref="InvalidOperationException">The issuer is not configured (the message names the setting, never a key).</exception>
    ValueTask<string> IssueAsync(LicenseTerms terms, CancellationToken cancellationToken);
}
