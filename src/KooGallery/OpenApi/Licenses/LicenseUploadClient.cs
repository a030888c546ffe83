using System.Net.Http.Headers;
using Polly.Timeout;

namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>
/// The Open API 字符串/文件流上传 (license §D.3): hands KooGallery the License answering one <c>getLicenseAsync</c>, relative to the
/// HttpClient's BaseAddress. Registered by <see cref="LicenseUploadServiceCollectionExtensions.AddKooGalleryLicenseUpload"/> with
/// AK/SK signing over the exact multipart bytes, timeouts, retries of transient failures and the fallback host.
/// </summary>
public sealed class LicenseUploadClient(HttpClient http)
{
    private const int MaxEventIdLength = 64;

    /// <summary>The API's path for one event, relative to the base address.</summary>
    public static string PathFor(string eventId) => $"api/mkp-openapi-public/global/v1/market-event/{Uri.EscapeDataString(eventId)}/file";

    /// <summary>Uploads <paramref name="upload"/> for the <c>eventId</c> of its application. Failures are answered, not thrown.</summary>
    /// <exception cref="ArgumentException">The event id is empty or longer than 64 characters; nothing was sent.</exception>
    /// <exception cref="InvalidOperationException">The AK/SK are not configured.</exception>
    public async Task<LicenseUploadResult> UploadAsync(string eventId, LicenseUpload upload, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        ArgumentNullException.ThrowIfNull(upload);
        if (eventId.Length > MaxEventIdLength)
        {
            throw new ArgumentException($"The eventId is longer than {MaxEventIdLength} characters.", nameof(eventId));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(PathFor(eventId), UriKind.Relative))
        {
            Content = await LicenseUploadBody.BuildAsync(upload, ct).ConfigureAwait(false),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        try
        {
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            var answer = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            return LicenseUploadAnswer.Read((int)response.StatusCode, answer);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
                                  || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return LicenseUploadAnswer.NoAnswer(e);
        }
    }
}
