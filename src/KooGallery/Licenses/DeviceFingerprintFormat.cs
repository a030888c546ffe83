namespace Provisioning.KooGallery.Licenses;

/// <summary>
/// The device fingerprint of the online License (license §C.2): <c>MAC|diskId|boardId|cpuId</c>, four slots separated by <c>|</c>,
/// several MACs or disks comma-separated within their slot, a missing item left empty, all upper case.
/// </summary>
public static class DeviceFingerprintFormat
{
    /// <summary>The longest fingerprint <c>getLicenseAsync</c> carries.</summary>
    public const int MaxLength = 1024;

    private const int Slots = 4;

    /// <summary>Why <paramref name="fingerprint"/> is not in that form, or null when it is.</summary>
    public static string? Problem(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var slots = fingerprint.Split('|');
        if (slots.Length != Slots)
        {
            return $"has {slots.Length} slots separated by '|', not {Slots} (MAC|diskId|boardId|cpuId)";
        }

        if (slots.All(s => s.Length == 0)) return "has no item in any slot";
        foreach (var c in fingerprint)
        {
            if (c is < '!' or > '~') return "holds a character that is not printable ASCII";
            if (char.IsAsciiLetterLower(c)) return "is not all upper case";
        }

        return null;
    }
}
