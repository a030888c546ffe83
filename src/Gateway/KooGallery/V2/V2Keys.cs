using Microsoft.Extensions.Options;
using Provisioning.KooGallery.Licenses;

namespace Provisioning.Gateway.KooGallery.V2;

/// <summary>
/// Which access key a V2 body is verified and its answer signed with: the activation code activities use the key bound to the
/// License授权码交付接口 type (<see cref="KooGalleryOptions.LicenseAccessKey"/>, license spec §B.3), every other activity the basic
/// interface's (<see cref="KooGalleryOptions.AccessKey"/>). The activity is read before the signature is checked, but it is
/// signed, so a body can only be verified with the key its own activity names.
/// </summary>
internal sealed class V2Keys(IOptions<KooGalleryOptions> options)
{
    public const string LicenseKeyMissing =
        "KooGallery:LicenseAccessKey (the License授权码交付接口 key) is not set: this gateway does not serve activation code callbacks";

    public static bool IsLicenseCode(string? activity) => activity is not null && LicenseCodeActivities.All.Contains(activity);

    /// <summary>The key that verifies a body of this activity, or null when it needs the License key and none is set.</summary>
    public string? Verifying(string? activity) => IsLicenseCode(activity) ? License : options.Value.AccessKey!;

    /// <summary>The key its answer is signed with: the verifying key, or the basic access key when there is none.</summary>
    public string Signing(string? activity) => Verifying(activity) ?? options.Value.AccessKey!;

    private string? License => options.Value.LicenseAccessKey is { Length: > 0 } key ? key : null;
}
