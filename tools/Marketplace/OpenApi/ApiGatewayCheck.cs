using System.Globalization;
using Microsoft.AspNetCore.Http;
using Provisioning.KooGallery.OpenApi;

namespace Provisioning.Marketplace.OpenApi;

/// <summary>The AK/SK signature check of Huawei's API gateway (spec §C.2): a fresh <c>X-Sdk-Date</c> and a signature over exactly this request.</summary>
internal static class ApiGatewayCheck
{
    public static bool Passes(HttpRequest request, byte[] body, FakeOpenApiOptions options)
    {
        var uri = new Uri($"{request.Scheme}://{request.Host}{request.Path}{request.QueryString}");
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return Fresh(headers.GetValueOrDefault(ApiGatewaySigner.DateHeader), options.SdkDateTolerance)
            && ApiGatewaySigner.Verify(request.Method, uri, headers, body, options.AccessKeyId, options.SecretAccessKey);
    }

    private static bool Fresh(string? sdkDate, TimeSpan tolerance) =>
        DateTimeOffset.TryParseExact(sdkDate, ApiGatewaySigner.DateFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var sent)
        && (DateTimeOffset.UtcNow - sent).Duration() <= tolerance;
}
