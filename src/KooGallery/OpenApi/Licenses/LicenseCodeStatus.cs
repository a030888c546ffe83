namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>An activation code's <c>status</c> (license §B.6).</summary>
public enum LicenseCodeStatus
{
    /// <summary><c>ALIVE</c>: in use, until its expiry.</summary>
    Alive,

    /// <summary><c>EXPIRED</c>: block use, keep the data; a renewal brings it back.</summary>
    Expired,

    /// <summary><c>RELEASED</c>: revoked for good.</summary>
    Released,

    /// <summary>A value this version does not know, or none.</summary>
    Unknown,
}

/// <summary>Reading <see cref="LicenseCodeStatus"/> from its wire text.</summary>
internal static class LicenseCodeStatuses
{
    public static LicenseCodeStatus Parse(string? wire) => wire?.ToUpperInvariant() switch
    {
        "ALIVE" => LicenseCodeStatus.Alive,
        "EXPIRED" => LicenseCodeStatus.Expired,
        "RELEASED" => LicenseCodeStatus.Released,
        _ => LicenseCodeStatus.Unknown,
    };
}
