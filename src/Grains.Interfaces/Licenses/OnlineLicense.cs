namespace Provisioning.Grains.Licenses;

/// <summary>Where an online License is on its way to the marketplace.</summary>
[GenerateSerializer, Alias("prov.LicenseUploadStatus")]
public enum LicenseUploadStatus
{
    /// <summary>Not issued yet, or issued and not uploaded yet: the grain keeps trying.</summary>
    Pending = 0,

    /// <summary>The marketplace has the License.</summary>
    Uploaded = 1,

    /// <summary>The marketplace refused the upload for good; an operator looks at <see cref="OnlineLicense.LastError"/>.</summary>
    Refused = 2,
}

/// <summary>One accepted online License application: its terms, the License once issued (never issued again), and its upload.</summary>
/// <param name="Terms">What the License grants, fixed when the application was accepted.</param>
/// <param name="License">The issued License; null until issued.</param>
/// <param name="UploadAttempts">How many uploads were tried.</param>
/// <param name="LastError">Why the last issue or upload failed; null after a success.</param>
[GenerateSerializer, Immutable, Alias("prov.OnlineLicense")]
public sealed record OnlineLicense(
    [property: Id(0)] string EventId,
    [property: Id(1)] LicenseTerms Terms,
    [property: Id(2)] DateTimeOffset AppliedAt,
    [property: Id(3)] string? License,
    [property: Id(4)] LicenseUploadStatus Upload,
    [property: Id(5)] int UploadAttempts,
    [property: Id(6)] string? LastError);
