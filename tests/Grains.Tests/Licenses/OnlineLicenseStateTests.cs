using System.Text.Json;
using Provisioning.Grains.Instances;
using Provisioning.Grains.Licenses;

namespace Provisioning.Grains.Tests.Licenses;

/// <summary>The state is stored as JSON (System.Text.Json grain storage): what is written must read back whole.</summary>
public class OnlineLicenseStateTests
{
    [Fact]
    public void A_stored_license_reads_back_with_its_terms_license_and_upload()
    {
        var applied = new DateTimeOffset(2026, 3, 17, 14, 42, 37, TimeSpan.Zero);
        var license = new OnlineLicense("EVT1",
            new LicenseTerms("i-1", Traffic.Test, "00301-license-0--0", "sku", "customer", applied, applied.AddYears(1), 2, "AA|||", "EVT1"),
            applied, "LIC-1", LicenseUploadStatus.Refused, 3, "91381037 the License format is invalid");
        var state = new OnlineLicenseState { Licenses = { ["EVT1"] = license } };

        var read = JsonSerializer.Deserialize<OnlineLicenseState>(JsonSerializer.Serialize(state))!;

        Assert.Equal(license, Assert.Single(read.Licenses).Value);
    }
}
