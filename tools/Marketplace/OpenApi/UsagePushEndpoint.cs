using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Provisioning.KooGallery.Usage;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>
/// <c>POST /api/mkp-openapi-public/global/v1/isv/usage-data</c>, the new usage push (kit §C.1): checks the
/// <c>signature</c>/<c>ts</c>/<c>nonce</c> headers (HMAC-SHA256 with the basic access key over the exact body), reads the
/// records, plays any injected fault, and hands the records to the ledger.
/// </summary>
internal sealed class UsagePushEndpoint(UsageLedger ledger, UsageFaults faults, FakeOpenApiOptions options, Action<string> log)
{
    public const string Path = "/" + UsagePushClient.NewPath;

    private const string SignatureHeader = "signature";
    private const string TsHeader = "ts";
    private const string NonceHeader = "nonce";
    private const int MaxRecords = 1000;

    public async Task<IResult> AnswerAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var body = buffer.ToArray();

        var headers = http.Request.Headers;
        var (signature, ts, nonce) = (headers[SignatureHeader].ToString(), headers[TsHeader].ToString(), headers[NonceHeader].ToString());
        if (signature.Length == 0 || ts.Length == 0 || nonce.Length == 0 || !UsagePushSignature.Verify(options.AccessKey, ts, nonce, body, signature))
        {
            return Refuse("MKT.0102", 400, "the signature does not verify");
        }

        if (Read(body) is not { } records)
        {
            return Refuse("MKT.0101", 400, "the body is not {\"usage_records\":[…]} with every mandatory field");
        }

        if (records.Count > MaxRecords)
        {
            return Refuse("MKT.9003", 500, $"{records.Count} records; at most {MaxRecords}");
        }

        switch (faults.Next())
        {
            case UsageFault.Error:
                log($"usage push of {records.Count} records: injected fault MKT.0999");
                return OpenApiAnswers.Usage(500, "MKT.0999", "System internal error.");
            case UsageFault.Timeout:
                Take(records, "injected timeout, answer held back");
                await Task.Delay(options.TimeoutHold, http.RequestAborted);
                return OpenApiAnswers.Usage(200, "MKT.0000", "success");
            default:
                Take(records, "accepted");
                return OpenApiAnswers.Usage(200, "MKT.0000", "success");
        }
    }

    private void Take(IReadOnlyList<UsageArrival> records, string how)
    {
        var (added, repeats, conflicts) = ledger.Accept(records);
        log($"usage push of {records.Count} records: {how}; {added} new, {repeats} repeats, {conflicts} conflicting");
    }

    private IResult Refuse(string code, int status, string why)
    {
        ledger.Refuse();
        log($"usage push refused with {code}: {why}");
        return OpenApiAnswers.Usage(status, code, why);
    }

    private static List<UsageArrival>? Read(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("usage_records", out var list)
                || list.ValueKind != JsonValueKind.Array
                || list.GetArrayLength() == 0)
            {
                return null;
            }

            var records = new List<UsageArrival>();
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object) return null;
                var fields = new[] { "metering_sn", "instance_id", "record_time", "begin_time", "end_time", "usage_value" }.Select(name => Text(item, name)).ToArray();
                if (fields.Any(string.IsNullOrEmpty)) return null;
                records.Add(new UsageArrival(fields[0]!, fields[1]!, fields[2]!, fields[3]!, fields[4]!, fields[5]!, Text(item, "relate_pkg_instance")));
            }

            return records;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
