using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Provisioning.KooGallery.Usage;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>
/// The usage push, either version: the new one (kit §C.1, <c>POST /api/mkp-openapi-public/global/v1/isv/usage-data</c>) checks the
/// <c>signature</c>/<c>ts</c>/<c>nonce</c> headers (HMAC-SHA256 with the basic access key over the exact body); the old one (§C.2,
/// <c>POST /rest/marketplace/v1/isv/usage-data</c>) checks the AK/SK signature. Both read the records, refuse those of instances the
/// marketplace does not know, play any injected fault, and hand the records to the ledger.
/// </summary>
internal sealed class UsagePushEndpoint(UsagePushVersion version, UsageLedger ledger, UsageFaults faults, FakeOpenApiOptions options, Action<string> log)
{
    public string Path => "/" + (version == UsagePushVersion.Old ? UsagePushClient.OldPath : UsagePushClient.NewPath);

    private const string SignatureHeader = "signature";
    private const string TsHeader = "ts";
    private const string NonceHeader = "nonce";
    private const int MaxRecords = 1000;

    private static readonly string[] NewFields = ["metering_sn", "instance_id", "record_time", "begin_time", "end_time", "usage_value"];
    private static readonly string[] OldFields = ["instance_id", "product_id", "record_time", "begin_time", "end_time", "usage_value"];

    public async Task<IResult> AnswerAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var body = buffer.ToArray();

        if (version == UsagePushVersion.Old && !ApiGatewayCheck.Passes(http.Request, body, options))
        {
            return Refuse("APIGW.0303", 401, "the AK/SK signature does not verify");
        }

        if (version == UsagePushVersion.New && !SignedNew(http.Request.Headers, body))
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

        if (records.FirstOrDefault(r => !faults.Knows(r.InstanceId)) is { } unknown)
        {
            return Refuse("MKT.9001", 500, $"instance {unknown.InstanceId} not found");
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
            case UsageFault.Reset:
                Take(records, "injected reset, connection closed unanswered");
                http.Abort();
                return Results.Empty;
            default:
                Take(records, "accepted");
                return OpenApiAnswers.Usage(200, "MKT.0000", "success");
        }
    }

    private bool SignedNew(IHeaderDictionary headers, byte[] body)
    {
        var (signature, ts, nonce) = (headers[SignatureHeader].ToString(), headers[TsHeader].ToString(), headers[NonceHeader].ToString());
        return signature.Length > 0 && ts.Length > 0 && nonce.Length > 0 && UsagePushSignature.Verify(options.AccessKey, ts, nonce, body, signature);
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

    // The old version has no metering_sn, so nothing tells a re-send from new usage: each arrival is billed, under an sn of its own.
    private List<UsageArrival>? Read(byte[] body)
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
                var fields = (version == UsagePushVersion.Old ? OldFields : NewFields).Select(name => Text(item, name)).ToArray();
                if (fields.Any(string.IsNullOrEmpty)) return null;
                var sn = version == UsagePushVersion.Old ? $"old-{Guid.NewGuid():N}" : fields[0]!;
                records.Add(new UsageArrival(sn, Text(item, "instance_id")!, fields[2]!, fields[3]!, fields[4]!, fields[5]!, Text(item, "relate_pkg_instance")));
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
