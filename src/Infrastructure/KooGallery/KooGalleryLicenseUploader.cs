using Provisioning.Grains.Licenses;
using Provisioning.KooGallery.OpenApi.Licenses;

namespace Provisioning.Infrastructure.KooGallery;

/// <summary>Adapter: online Licenses go to KooGallery's string/file upload open API, as characters or, when long, as a file.</summary>
internal sealed class KooGalleryLicenseUploader(LicenseUploadClient client) : ILicenseUploader
{
    public async Task<UploadResult> UploadAsync(string eventId, string license, CancellationToken cancellationToken)
    {
        var result = await client.UploadAsync(eventId, LicenseUpload.Of(license), cancellationToken);
        var outcome = result.Outcome switch
        {
            LicenseUploadOutcome.Uploaded => UploadOutcome.Uploaded,
            LicenseUploadOutcome.Refused => UploadOutcome.Refused,
            _ => UploadOutcome.Transient,
        };
        return new UploadResult(outcome, result.Message);
    }
}
