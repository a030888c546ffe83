using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Provisioning.KooGallery;
using Provisioning.KooGallery.OpenApi.Licenses;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>
/// The activation code open APIs (license §B.5–B.7): activate and query, v1 and v2, and the software usage statistics. Each
/// checks the AK/SK signature as Huawei's API gateway does (401 <c>APIGW.0303</c> otherwise), reads the body (<c>95000004</c>
/// when it is not JSON, <c>92020002</c> when a field is missing or wrong), plays a queued fault, and answers from the
/// <see cref="CodeBook"/>. The v2 answers' shape is not published: the fake's own is <c>data.success_list</c> and
/// <c>data.fail_list</c>, with <c>92020020</c> when the list holds a code that fails.
/// </summary>
internal sealed class ActivationCodeEndpoints(CodeBook codes, FakeOpenApiOptions options, Action<string> log)
{
    private const int MaxCodes = LicenseRequestBody.MaxCodes;

    public static void Map(IEndpointRouteBuilder app, CodeBook codes, FakeOpenApiOptions options, Action<string> log)
    {
        var endpoints = new ActivationCodeEndpoints(codes, options, log);
        app.MapPost("/" + ActivationCodeClient.ActivatePath, (Delegate)((HttpContext http) => endpoints.AnswerAsync(http, "activate", endpoints.Activate)));
        app.MapPost("/" + ActivationCodeClient.ActivateListPath, (Delegate)((HttpContext http) => endpoints.AnswerAsync(http, "activate v2", endpoints.ActivateList)));
        app.MapPost("/" + ActivationCodeClient.QueryPath, (Delegate)((HttpContext http) => endpoints.AnswerAsync(http, "query", endpoints.Query)));
        app.MapPost("/" + ActivationCodeClient.QueryListPath, (Delegate)((HttpContext http) => endpoints.AnswerAsync(http, "query v2", endpoints.QueryList)));
        app.MapPost("/" + SoftwareUsageClient.Path, (Delegate)((HttpContext http) => endpoints.AnswerAsync(http, "usage", endpoints.Usage)));
    }

    /// <summary>A request read: the codes it names (for faults), and the work that answers it.</summary>
    private sealed record Call(IReadOnlyList<string> Codes, Func<(string Code, object? Data)> Answer);

    private async Task<IResult> AnswerAsync(HttpContext http, string api, Func<JsonElement, Call> read)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var body = buffer.ToArray();
        if (!ApiGatewayCheck.Passes(http.Request, body, options))
        {
            codes.CountBadSignature();
            log($"license {api}: refused, the AK/SK signature does not verify");
            return OpenApiAnswers.Json(401, """{"error_code":"APIGW.0303","error_msg":"Incorrect app authentication information.","request_id":"fake"}""");
        }

        if (http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return Answer(api, 415, LicenseCodes.ContentType, null);
        }

        Call call;
        try
        {
            using var json = JsonDocument.Parse(body);
            call = json.RootElement.ValueKind == JsonValueKind.Object ? read(json.RootElement.Clone()) : throw new InvalidParamException("the body is not an object");
        }
        catch (JsonException)
        {
            return Answer(api, 400, LicenseCodes.NotReadable, null);
        }
        catch (InvalidParamException e)
        {
            log($"license {api}: invalid param, {e.Message}");
            return Answer(api, 200, LicenseCodes.InvalidParam, null);
        }

        switch (codes.NextFault(call.Codes))
        {
            case CodeFault.ServerError:
                return Answer(api, 500, LicenseCodes.Internal, null, "injected fault");
            case CodeFault.InternalError:
                return Answer(api, 200, LicenseCodes.Internal, null, "injected fault");
            case CodeFault.Unauthorized:
                return OpenApiAnswers.Json(403, """{"error_code":"92020001","error_msg":"Unauthorized"}""");
            case CodeFault.Timeout:
                var (heldCode, heldData) = call.Answer();
                log($"license {api} {string.Join(',', call.Codes)}: {heldCode}, answer held back (injected timeout)");
                await Task.Delay(options.TimeoutHold, http.RequestAborted);
                return Answer(api, 200, heldCode, heldData);
            default:
                var (code, data) = call.Answer();
                log($"license {api} {string.Join(',', call.Codes)}: {code} {LicenseCodes.Message(code)}");
                return Answer(api, 200, code, data);
        }
    }

    private Call Activate(JsonElement body)
    {
        var code = Code(body, "license");
        var effective = EffectiveTime(body);
        return new Call([code], () =>
        {
            var (result, view) = codes.Activate(code, effective, DateTimeOffset.UtcNow);
            return (result, view is null ? null : new { license_code_info = JsonSerializer.Serialize(Estimate(view)) });
        });
    }

    private Call ActivateList(JsonElement body)
    {
        var list = CodeList(body);
        var effective = EffectiveTime(body);
        return new Call(list, () => Listed(list, code => codes.Activate(code, effective, DateTimeOffset.UtcNow), (code, view) => new { license_code = code, license_code_info = JsonSerializer.Serialize(Estimate(view)) }));
    }

    private Call Query(JsonElement body)
    {
        var code = Code(body, "license");
        var account = ThirdPartyAccount(body);
        return new Call([code], () =>
        {
            var (result, view) = codes.Query(code, account, DateTimeOffset.UtcNow);
            return (result, view is null ? null : Info(code, view));
        });
    }

    private Call QueryList(JsonElement body)
    {
        var list = CodeList(body);
        return new Call(list, () => Listed(list, code => codes.Query(code, null, DateTimeOffset.UtcNow), Info));
    }

    private Call Usage(JsonElement body)
    {
        if (!body.TryGetProperty("usage_info", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() is 0 or > MaxCodes)
        {
            throw new InvalidParamException($"usage_info must list 1 to {MaxCodes} codes");
        }

        var usage = items.EnumerateArray().Select(UsageOf).ToList();
        return new Call([.. usage.Select(u => u.Code)], () =>
        {
            var failed = usage.Select(u => (u.Code, Reason: codes.TakeUsage(u.Code, u.Ids, u.ActiveNum)))
                .Where(u => u.Reason is not null)
                .Select(u => new { license = u.Code, reason = u.Reason })
                .ToList();
            return (LicenseCodes.Success, new { check_fail_list = failed });
        });
    }

    private static (string Code, List<string> Ids, int? ActiveNum) UsageOf(JsonElement item)
    {
        var code = Code(item, "license");
        if (!item.TryGetProperty("software_usage_Info", out var entries) || entries.ValueKind != JsonValueKind.Array || entries.GetArrayLength() == 0)
        {
            throw new InvalidParamException($"usage of {code} has no software_usage_Info list");
        }

        var (ids, activeNum) = (new List<string>(), (int?)null);
        foreach (var entry in entries.EnumerateArray())
        {
            var hasId = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("id", out _);
            var hasNum = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("active_num", out _);
            if (hasId == hasNum) throw new InvalidParamException($"a usage entry of {code} must carry exactly one of id and active_num");
            if (hasId) ids.Add(Text(entry, "id", 256));
            else activeNum = entry.GetProperty("active_num").TryGetInt32(out var n) && n >= 0 ? n : throw new InvalidParamException($"active_num of {code} is not a count");
        }

        return (code, ids, activeNum);
    }

    private static (string Code, object? Data) Listed(IReadOnlyList<string> list, Func<string, (string Code, CodeView? View)> each, Func<string, CodeView, object> success)
    {
        var results = list.Select(code => (Code: code, Result: each(code))).ToList();
        var fail = results.Where(r => r.Result.View is null).Select(r => new { license_code = r.Code, error_code = r.Result.Code, error_msg = LicenseCodes.Message(r.Result.Code) }).ToList();
        var data = new { success_list = results.Where(r => r.Result.View is not null).Select(r => success(r.Code, r.Result.View!)).ToList(), fail_list = fail };
        return (fail.Count == 0 ? LicenseCodes.Success : LicenseCodes.InvalidInList, data);
    }

    private static object Estimate(CodeView view) => new
    {
        status = view.Status,
        expire_time = KooGalleryTime.FormatSeconds(view.ExpireTime),
        product_id = view.ProductId,
        amount = view.Amount,
        order_id = view.OrderId,
    };

    private static object Info(string code, CodeView view) => new
    {
        license_code = code,
        status = view.Status,
        activate_time = KooGalleryTime.FormatSeconds(view.ActivatedAt),
        expire_time = KooGalleryTime.FormatSeconds(view.ExpireTime),
        product_id = view.ProductId,
        order_id = view.OrderId,
        amount = view.Amount,
    };

    private static string Code(JsonElement body, string name) => Text(body, name, 64);

    private static List<string> CodeList(JsonElement body)
    {
        if (!body.TryGetProperty("license_list", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is 0 or > MaxCodes)
        {
            throw new InvalidParamException($"license_list must hold 1 to {MaxCodes} codes");
        }

        return [.. list.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 and <= 64 } code
            ? code : throw new InvalidParamException("license_list holds a value that is not a code"))];
    }

    private static string? EffectiveTime(JsonElement body)
    {
        if (!body.TryGetProperty("real_effect_time", out var value)) return null;
        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: 14 } text
            && DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? text : throw new InvalidParamException("real_effect_time is not yyyyMMddHHmmss");
    }

    private static string? ThirdPartyAccount(JsonElement body) =>
        !body.TryGetProperty("heartbeatInfo", out var info) ? null
        : info.ValueKind == JsonValueKind.Object ? Text(info, "thirdPartyAccount", 256)
        : throw new InvalidParamException("heartbeatInfo is not an object");

    private static string Text(JsonElement owner, string name, int maxLength) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text && text.Length <= maxLength
            ? text : throw new InvalidParamException($"{name} is missing, not text, or longer than {maxLength}");

    private IResult Answer(string api, int status, string code, object? data, string? why = null)
    {
        if (why is not null) log($"license {api}: {code} at HTTP {status}, {why}");
        var answer = data is null
            ? JsonSerializer.Serialize(new { error_code = code, error_msg = LicenseCodes.Message(code) })
            : JsonSerializer.Serialize(new { error_code = code, error_msg = LicenseCodes.Message(code), data });
        return OpenApiAnswers.Json(status, answer);
    }

    private sealed class InvalidParamException(string message) : Exception(message);
}
