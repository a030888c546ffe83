using System.Net.Http.Headers;
using Provisioning.KooGallery.OpenApi;

namespace Provisioning.KooGallery.Tests.OpenApi;

/// <summary>What a server sees of a signed request, in the shape <see cref="ApiGatewaySigner.Verify"/> takes.</summary>
internal static class SignedRequest
{
    public static Dictionary<string, string> Headers(HttpRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in request.Headers.NonValidated.Concat(request.Content?.Headers.NonValidated ?? []))
        {
            headers[name] = values.ToString();
        }

        return headers;
    }

    public static async Task<bool> VerifyAsync(HttpRequestMessage request, string accessKeyId, string secretKey)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync();
        return ApiGatewaySigner.Verify(request.Method.Method, request.RequestUri!, Headers(request), body, accessKeyId, secretKey);
    }

    public static ByteArrayContent Json(byte[] body) => new(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
}
