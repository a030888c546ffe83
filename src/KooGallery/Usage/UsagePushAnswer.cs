using Provisioning.KooGallery.OpenApi;

namespace Provisioning.KooGallery.Usage;

/// <summary>
/// Reads a usage push answer and sorts failures into transient and permanent per the kit §C.1 error table; for the old
/// version, which has no metering_sn to make a re-send harmless, transient failures that may have been taken are unconfirmed.
/// </summary>
internal static class UsagePushAnswer
{
    public const string Success = "MKT.0000";

    public static UsagePushResult Read(int httpStatus, ReadOnlySpan<byte> body, UsagePushVersion version)
    {
        var root = JsonObjectBody.TryRead(body, out var json, out _) ? new AnswerNode(json, "") : (AnswerNode?)null;
        var code = root?.LenientText("error_code") ?? "";
        var message = root?.LenientText("error_msg");
        var outcome = code == Success && httpStatus is >= 200 and <= 299 ? UsagePushOutcome.Accepted
            : !IsTransient(code, httpStatus) ? UsagePushOutcome.Permanent
            // A throttled call (429) was turned away unprocessed; any other transient answer may come after the records were taken.
            : version == UsagePushVersion.Old && httpStatus != 429 ? UsagePushOutcome.Unconfirmed
            : UsagePushOutcome.Transient;
        return new UsagePushResult(outcome, code, httpStatus, message);
    }

    public static UsagePushResult NoAnswer(Exception fault, UsagePushVersion version) =>
        new(version == UsagePushVersion.Old && !NeverSent(fault) ? UsagePushOutcome.Unconfirmed : UsagePushOutcome.Transient,
            "", null, $"The usage push got no answer: {fault.Message}");

    /// <summary>
    /// True when the request failed before any of it was sent: the host's name did not resolve, or no connection (TCP or TLS)
    /// could be set up. Anything later (a timeout, a connection closed while waiting) may have followed its arrival.
    /// </summary>
    public static bool NeverSent(Exception fault) =>
        fault is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError };

    // The table's codes decide even when their HTTP status says otherwise: MKT.0100 and MKT.9001–9004 come with 500
    // but re-sending the same data cannot fix them. Codes it does not list (API gateway ones included) go by status.
    public static bool IsTransient(string code, int? httpStatus) => code switch
    {
        "MKT.0999" => true,
        "MKT.9001" or "MKT.9002" or "MKT.9003" or "MKT.9004" => false,
        _ when code.StartsWith("MKT.01", StringComparison.Ordinal) => false,
        _ => httpStatus is null or >= 500 or 408 or 429,
    };
}
