namespace Provisioning.Grains.Licenses;

/// <summary>What became of handing a License to the marketplace.</summary>
public enum UploadOutcome
{
    /// <summary>The marketplace has it.</summary>
    Uploaded,

    /// <summary>It may take it later: upload the same License again.</summary>
    Transient,

    /// <summary>Refused for good: uploading again will not help.</summary>
    Refused,
}

/// <summary>The answer to one upload, with what the marketplace said (never a key).</summary>
public sealed record UploadResult(UploadOutcome Outcome, string Message);

/// <summary>
/// Port: hands the marketplace the License answering an online License application (KooGallery: the string/file upload open API,
/// <c>event_id</c> = the application's event id). Failures are answered, not thrown.
/// </summary>
public interface ILicenseUploader
{
    Task<UploadResult> UploadAsync(string eventId, string license, CancellationToken cancellationToken);
}
