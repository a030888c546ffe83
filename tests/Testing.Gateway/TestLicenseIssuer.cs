using System.Security.Cryptography;
using Provisioning.Grains.Licenses;

namespace Provisioning.Testing;

/// <summary>
/// A stand-in License issuer for test gateways until the default one is there: each License names its instance, event and
/// device, and ends with a random part, so a License issued twice for the same terms would differ.
/// </summary>
public sealed class TestLicenseIssuer : ILicenseIssuer
{
    public ValueTask<string> IssueAsync(LicenseTerms terms, CancellationToken cancellationToken) =>
        ValueTask.FromResult($"TEST-LICENSE;{terms.InstanceId};{terms.EventId};{terms.DeviceFingerprint};{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}");
}
