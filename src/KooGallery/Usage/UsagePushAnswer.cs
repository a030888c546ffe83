using Provisioning.KooGallery.OpenApi;

namespace Provisioning.KooGallery.Usage;

/// <summary>Reads a usage push answer and sorts failures into transient and permanent per the kit §C.1 error table.</summary>
internal static class UsagePushAnswer
{
    public const string Success = "MKT.0000";

    public static UsagePushResult Read(int httpStatus, ReadOnlySpan<byte> body)
    {
        var root = JsonObjectBody.TryRead(body, out var json, out _) ? new AnswerNode(json, "") : (AnswerNode?)null;
        var code = root?.LenientText("error_code") ?? "";
        var message = root?.LenientText("error_msg");
        var outcome = code == Success && httpStatus is >= 200 and <= 299 ? UsagePushOutcome.Accepted
            : IsTransient(code, httpStatus) ? UsagePushOutcome.Transient
            : UsagePushOutcome.Permanent;
        return new UsagePushResult(outcome, code, httpStatus, message);
    }

    public static UsagePushResult NoAnswer(Exception fault) =>
        new(UsagePushOutcome.Transient, "", null, $"The usage push got no answer: {fault.Message}");

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
