namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>What became of a License upload, and so whether to send it again.</summary>
public enum LicenseUploadOutcome
{
    /// <summary><c>CBC.0000</c>: the marketplace has the License.</summary>
    Uploaded,

    /// <summary>No answer, HTTP 5xx, 408 or 429, <c>CBC.0999</c> or <c>91381036</c>: send the same License again later.</summary>
    Transient,

    /// <summary>Any other code (license §D.2): sending it again will not help.</summary>
    Refused,
}
