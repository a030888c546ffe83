using System.Text;
using System.Text.Json;

namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>
/// Reads the activation code open APIs' answers (license §B.5–B.8): the <c>error_code</c>/<c>error_msg</c> envelope with its
/// HTTP status, and on success the <c>data</c> each API returns. Unknown members are ignored; a success whose data cannot be
/// read is <see cref="LicenseAnswerKind.Failed"/>, naming what could not be read.
/// </summary>
internal static class LicenseAnswerReader
{
    private const string CodeInfoName = "license_code_info";

    public static LicenseCodeAnswer Activation(int httpStatus, byte[] body) =>
        Single(httpStatus, body, data => Has(data, CodeInfoName) ? Info(CodeInfo(data)) : null);

    public static LicenseCodeAnswer Query(int httpStatus, byte[] body) =>
        Single(httpStatus, body, data => Info(data, statusRequired: true));

    public static LicenseBatchAnswer Batch(int httpStatus, byte[] body)
    {
        var (answer, data) = Envelope(httpStatus, body);
        return new LicenseBatchAnswer(answer, data?.Json.Clone());
    }

    public static SoftwareUsageAnswer Usage(int httpStatus, byte[] body)
    {
        var (answer, data) = Envelope(httpStatus, body);
        return new SoftwareUsageAnswer(answer, data is { } node ? RejectedCodes(node.Json) : [], data?.Json.Clone());
    }

    public static LicenseAnswer NoAnswer(Exception fault) =>
        new(LicenseAnswerKind.NoAnswer, "", null, $"no answer: {fault.Message}");

    /// <summary>The envelope alone, for the retry policy.</summary>
    public static LicenseAnswer Answer(int httpStatus, ReadOnlySpan<byte> body) => Envelope(httpStatus, body).Answer;

    private static LicenseCodeAnswer Single(int httpStatus, ReadOnlySpan<byte> body, Func<AnswerNode, LicenseCodeInfo?> read)
    {
        var (answer, data) = Envelope(httpStatus, body);
        if (!answer.IsSuccess) return new LicenseCodeAnswer(answer, null);
        try
        {
            return new LicenseCodeAnswer(answer, data is { } node ? read(node) : null);
        }
        catch (FormatException e)
        {
            return new LicenseCodeAnswer(answer with { Kind = LicenseAnswerKind.Failed, Message = $"{answer.Message} — but {e.Message}" }, null);
        }
    }

    private static (LicenseAnswer Answer, AnswerNode? Data) Envelope(int httpStatus, ReadOnlySpan<byte> body)
    {
        if (!JsonObjectBody.TryRead(body, out var json, out var error))
        {
            var kind = LicenseErrorCodes.Classify(httpStatus, "");
            return (new LicenseAnswer(kind, "", httpStatus, $"HTTP {httpStatus}, and {error}"), null);
        }

        var root = new AnswerNode(json, "");
        var code = root.LenientText("error_code") ?? "";
        var answer = new LicenseAnswer(LicenseErrorCodes.Classify(httpStatus, code), code, httpStatus, root.LenientText("error_msg"));
        try
        {
            return (answer, root.Object("data"));
        }
        catch (FormatException e)
        {
            return answer.IsSuccess ? (answer with { Kind = LicenseAnswerKind.Failed, Message = $"{answer.Message} — but {e.Message}" }, null) : (answer, null);
        }
    }

    // A JSON text inside a string (§B.5, parsed a second time); an object is taken as it is.
    private static AnswerNode CodeInfo(AnswerNode data)
    {
        if (data.Json.GetProperty(CodeInfoName).ValueKind == JsonValueKind.Object) return data.Object(CodeInfoName)!.Value;
        var text = data.RequiredText(CodeInfoName);
        return JsonObjectBody.TryRead(Encoding.UTF8.GetBytes(text), out var info, out var error)
            ? new AnswerNode(info, $"{data.Path}.{CodeInfoName}")
            : throw new FormatException($"{data.Path}.{CodeInfoName}: {error}");
    }

    private static LicenseCodeInfo Info(AnswerNode node, bool statusRequired = false)
    {
        var status = statusRequired ? node.RequiredText("status") : node.Text("status");
        return new LicenseCodeInfo(
            LicenseCodeStatuses.Parse(status),
            status,
            node.Text("license_code"),
            node.Time("activate_time", strict: false),
            node.Time("expire_time", strict: true),
            node.Text("product_id"),
            node.Text("order_id"),
            node.Integer("amount", strict: false) is long n and >= int.MinValue and <= int.MaxValue ? (int)n : null);
    }

    private static bool Has(AnswerNode node, string name) =>
        node.Json.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    // The list's name is cut off in the published text (data.check_fail…): every such list counts, its items codes or objects naming one.
    private static List<string> RejectedCodes(JsonElement data)
    {
        var codes = new List<string>();
        foreach (var member in data.EnumerateObject())
        {
            if (!member.Name.StartsWith("check_fail", StringComparison.OrdinalIgnoreCase) || member.Value.ValueKind != JsonValueKind.Array) continue;
            foreach (var item in member.Value.EnumerateArray())
            {
                var code = item.ValueKind == JsonValueKind.String ? item.GetString()
                    : item.ValueKind == JsonValueKind.Object ? new AnswerNode(item, "").LenientText("license") ?? new AnswerNode(item, "").LenientText("license_code")
                    : null;
                if (!string.IsNullOrEmpty(code)) codes.Add(code);
            }
        }

        return codes;
    }
}
