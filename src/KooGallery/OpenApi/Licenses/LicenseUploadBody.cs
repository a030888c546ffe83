using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>
/// The multipart/form-data body of 字符串/文件流上传 (license §D.3): the <c>isvUpdateFileReq</c> JSON part and, for a file, the
/// <c>file</c> part. Built to bytes once, so the AK/SK signature covers exactly what is sent, on every attempt (§8 #13).
/// </summary>
internal static class LicenseUploadBody
{
    public const string RequestPart = "isvUpdateFileReq";
    public const string FilePart = "file";

    public static async Task<ByteArrayContent> BuildAsync(LicenseUpload upload, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent("license-" + Guid.NewGuid().ToString("N"));
        var request = new StringContent(RequestJson(upload));
        request.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        form.Add(request, RequestPart);
        if (upload.File is { } file)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, FilePart, upload.FileName!);
        }

        var bytes = await form.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = form.Headers.ContentType;
        return content;
    }

    private static string RequestJson(LicenseUpload upload)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (upload.Characters is { } characters)
            {
                json.WriteString("type", "CHARACTERS");
                json.WriteString("characters", characters);
            }
            else
            {
                json.WriteString("type", "FILE");
                json.WriteString("file_name", upload.FileName);
                json.WriteString("sha256", upload.Sha256);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
