namespace Provisioning.Grains.Licenses;

/// <summary>
/// The next step of one accepted License, run off the grain's scheduler: issue it if it has none, else upload it. Never throws:
/// a failure is recorded in the License's <see cref="OnlineLicense.LastError"/>.
/// </summary>
internal sealed class LicenseDelivery(ILicenseIssuer? issuer, ILicenseUploader uploader)
{
    public Task<OnlineLicense> NextStepAsync(OnlineLicense license) =>
        Task.Run(() => license.License is null ? IssueAsync(license) : UploadAsync(license));

    private async Task<OnlineLicense> IssueAsync(OnlineLicense license)
    {
        if (issuer is null) return license with { LastError = "no License issuer is registered (ILicenseIssuer)" };
        try
        {
            var issued = await issuer.IssueAsync(license.Terms, CancellationToken.None);
            return LicenseText.Problem(issued) is { } problem
                ? license with { LastError = $"the issuer's License {problem}" }
                : license with { License = issued, LastError = null };
        }
        catch (Exception e)
        {
            return license with { LastError = $"issuing failed: {e.Message}" };
        }
    }

    private async Task<OnlineLicense> UploadAsync(OnlineLicense license)
    {
        UploadResult result;
        try
        {
            result = await uploader.UploadAsync(license.EventId, license.License!, CancellationToken.None);
        }
        catch (Exception e)
        {
            result = new UploadResult(UploadOutcome.Transient, $"the upload failed: {e.Message}");
        }

        var tried = license with { UploadAttempts = license.UploadAttempts + 1 };
        return result.Outcome switch
        {
            UploadOutcome.Uploaded => tried with { Upload = LicenseUploadStatus.Uploaded, LastError = null },
            UploadOutcome.Refused => tried with { Upload = LicenseUploadStatus.Refused, LastError = result.Message },
            _ => tried with { LastError = result.Message },
        };
    }
}
