namespace Provisioning.KooGallery.Licenses;

/// <summary>Field names and limits the activation code callbacks share (license spec §B.3.2–B.3.4).</summary>
internal static class LicenseCodeFields
{
    /// <summary>The activation code (授权码), at most 64 characters.</summary>
    public const string License = "license";

    public const int MaxLength = 64;
}
