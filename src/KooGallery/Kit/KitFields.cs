
namespace Provisioning.KooGallery.Kit;

/// <summary>Reading the fields all Kit requests share the same way in each of them.</summary>
internal static class KitFields
{
    public const int IdLength = 64;
    public const int TimeStampLength = 20;

    private static readonly Dictionary<SyncFlag, string> FlagNames = new()
    {
        [SyncFlag.Delete] = "0 (delete)",
        [SyncFlag.Add] = "1 (add)",
        [SyncFlag.Modify] = "2 (modify)",
        [SyncFlag.CancelAuthorization] = "3 (cancel authorization)",
    };

    /// <summary>The mandatory <c>flag</c>, which must be one of <paramref name="allowed"/>.</summary>
    public static SyncFlag Flag(FieldReader f, params SyncFlag[] allowed)
    {
        var value = f.RequiredLong("flag");
        if (f.Error is null && !allowed.Any(a => (long)a == value))
        {
            f.Fail($"{f.PathOf("flag")} {value} is not one of {string.Join(", ", allowed.Select(a => FlagNames[a]))}", 0);
        }

        return (SyncFlag)value;
    }

    /// <summary>
    /// The optional <c>testFlag</c>, a number or numeric string: <c>1</c> is a debug call, anything else live.
    /// Absent counts as live, as in V2 (the tables mark it mandatory, but nothing is lost by not refusing).
    /// </summary>
    public static bool Test(FieldReader f) => f.OptionalLong("testFlag") == 1;

    /// <summary>The mandatory <c>timeStamp</c>, kept as text: its zone differs by interface family, so it is not judged here.</summary>
    public static string TimeStamp(FieldReader f) => f.Required("timeStamp", TimeStampLength);
}
