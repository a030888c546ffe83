namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>Reads an upload answer (<c>error_code</c>, <c>error_msg</c>) and sorts failures per the license §D.2 table.</summary>
internal static class LicenseUploadAnswer
{
    public const string Success = "CBC.0000";

    private const int LongestQuotedMessage = 300;

    private static readonly Dictionary<string, string> Meanings = new(StringComparer.Ordinal)
    {
        ["CBC.0150"] = "illegal operation: the AK/SK was not accepted",
        ["CBC.0101"] = "invalid parameter",
        ["CBC.0999"] = "internal error",
        ["91381033"] = "the License resource is unavailable",
        ["91381034"] = "the License application is invalid",
        ["91381035"] = "the period has no License left",
        ["91381036"] = "inner error",
        ["91381037"] = "the License format is invalid",
        ["91381038"] = "the License application has been denied",
        ["91380150"] = "role permission denied",
    };

    public static LicenseUploadResult Read(int httpStatus, ReadOnlySpan<byte> body)
    {
        var root = JsonObjectBody.TryRead(body, out var json, out _) ? new AnswerNode(json, "") : (AnswerNode?)null;
        var code = root?.LenientText("error_code") ?? "";
        var said = root?.LenientText("error_msg");
        var outcome = code == Success && httpStatus is >= 200 and <= 299 ? LicenseUploadOutcome.Uploaded
            : IsTransient(code, httpStatus) ? LicenseUploadOutcome.Transient
            : LicenseUploadOutcome.Refused;
        return new LicenseUploadResult(outcome, code, httpStatus, Describe(code, httpStatus, said));
    }

    public static LicenseUploadResult NoAnswer(Exception fault) =>
        new(LicenseUploadOutcome.Transient, "", null, $"The License upload got no answer: {fault.Message}");

    // The table's codes decide; codes it does not list (API gateway ones included) go by HTTP status.
    public static bool IsTransient(string code, int? httpStatus) => code switch
    {
        "CBC.0999" or "91381036" => true,
        _ when Meanings.ContainsKey(code) => false,
        _ => httpStatus is null or >= 500 or 408 or 429,
    };

    private static string Describe(string code, int httpStatus, string? said)
    {
        var what = code.Length == 0 ? $"HTTP {httpStatus} without an error code"
            : Meanings.TryGetValue(code, out var meaning) ? $"{code} ({meaning}, HTTP {httpStatus})"
            : $"{code} (HTTP {httpStatus})";
        return $"The License upload answered {what}: {(string.IsNullOrEmpty(said) ? "(no message)" : QuotedText.Shorten(said, LongestQuotedMessage))}";
    }
}
