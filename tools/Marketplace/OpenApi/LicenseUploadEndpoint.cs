using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>
/// 字符串/文件流上传 (license §D.3, <c>POST /api/mkp-openapi-public/global/v1/market-event/{event_id}/file</c>): checks the AK/SK
/// signature over the exact multipart bytes, reads the <c>isvUpdateFileReq</c> part (and the <c>file</c> part, checking its SHA-256),
/// plays any injected fault, and records the License under its event. Answers in the §D.2 shape (<c>error_code</c>).
/// </summary>
internal sealed class LicenseUploadEndpoint(LicenseUploads uploads, FakeOpenApiOptions options, Action<string> log)
{
    public const string Path = "/api/mkp-openapi-public/global/v1/market-event/{eventId}/file";

    private const int MaxCharacters = 1024;

    public static void Map(IEndpointRouteBuilder app, LicenseUploads uploads, FakeOpenApiOptions options, Action<string> log)
    {
        app.MapPost(Path, (Delegate)new LicenseUploadEndpoint(uploads, options, log).AnswerAsync);
        app.MapGet(ControlEndpoints.Prefix + "/uploads/{eventId}", (string eventId) => uploads.Trace(eventId) is { } trace ? Results.Ok(trace) : Results.NotFound());
        app.MapPost(ControlEndpoints.Prefix + "/uploads/faults", (UploadFaultRequest request) =>
        {
            if (request.Count is < 1 or > 1000) return Results.BadRequest("count must be between 1 and 1000");
            uploads.Inject(request.Fault, request.Count);
            return Results.NoContent();
        });
    }

    public async Task<IResult> AnswerAsync(HttpContext http, string eventId)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var body = buffer.ToArray();
        if (!ApiGatewayCheck.Passes(http.Request, body, options))
        {
            uploads.BadSignature(eventId);
            log($"License upload for {eventId} refused: the AK/SK signature does not verify");
            return OpenApiAnswers.Usage(403, "CBC.0150", "Illegal operation");
        }

        var (license, problem) = await ReadAsync(http.Request.ContentType, body);
        if (license is null)
        {
            uploads.Refuse(eventId);
            log($"License upload for {eventId} refused: {problem}");
            return OpenApiAnswers.Usage(400, "CBC.0101", $"Invalid parameter: {problem}");
        }

        switch (uploads.NextFault())
        {
            case UploadFault.Error:
                log($"License upload for {eventId}: injected fault CBC.0999");
                return OpenApiAnswers.Usage(500, "CBC.0999", "internal error");
            case UploadFault.Refuse:
                uploads.Refuse(eventId);
                log($"License upload for {eventId}: injected refusal 91381037");
                return OpenApiAnswers.Usage(200, "91381037", "Invalid license format.");
            default:
                uploads.Take(eventId, license);
                log($"License upload for {eventId}: accepted");
                return OpenApiAnswers.Usage(200, "CBC.0000", "Success");
        }
    }

    private static async Task<(string? License, string Problem)> ReadAsync(string? contentType, byte[] body)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return (null, "the body is not multipart/form-data");
        }

        var parts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(body));
            while (await reader.ReadNextSectionAsync() is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
                {
                    return (null, "a part has no name");
                }

                using var bytes = new MemoryStream();
                await section.Body.CopyToAsync(bytes);
                if (!parts.TryAdd(name, bytes.ToArray())) return (null, $"the part {name} repeats");
            }
        }
        catch (IOException e)
        {
            return (null, $"the multipart body is unreadable: {e.Message}");
        }

        return parts.TryGetValue("isvUpdateFileReq", out var request) ? Read(request, parts.GetValueOrDefault("file")) : (null, "isvUpdateFileReq is missing");
    }

    private static (string? License, string Problem) Read(byte[] request, byte[]? file)
    {
        try
        {
            using var json = JsonDocument.Parse(request);
            var root = json.RootElement;
            switch (Text(root, "type"))
            {
                case "CHARACTERS":
                    return Text(root, "characters") is { Length: > 0 and <= MaxCharacters } characters
                        ? (characters, "")
                        : (null, $"characters must hold 1 to {MaxCharacters} characters");
                case "FILE":
                    if (file is not { Length: > 0 }) return (null, "type FILE without a file part");
                    if (Text(root, "file_name") is not { Length: > 0 }) return (null, "type FILE without file_name");
                    return Text(root, "sha256") is { } sha256 && sha256.Equals(Convert.ToHexStringLower(SHA256.HashData(file)), StringComparison.OrdinalIgnoreCase)
                        ? (Encoding.UTF8.GetString(file), "")
                        : (null, "sha256 does not match the file");
                default:
                    return (null, "type is not CHARACTERS or FILE");
            }
        }
        catch (JsonException)
        {
            return (null, "isvUpdateFileReq is not JSON");
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>A request to make the next <paramref name="Count"/> License uploads fail with <paramref name="Fault"/>.</summary>
public sealed record UploadFaultRequest(UploadFault Fault, int Count);
