using System.Net.Http.Headers;
using Polly.Timeout;

namespace Provisioning.KooGallery.OpenApi.Licenses;

/// <summary>One POST of a JSON body to an activation code open API, and what to make of its answer or of none.</summary>
internal static class LicenseApiCall
{
    public static async Task<T> PostAsync<T>(HttpClient http, string path, byte[] body, Func<int, byte[], T> read, Func<LicenseAnswer, T> noAnswer, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        try
        {
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            var answer = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            return read((int)response.StatusCode, answer);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
                                  || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return noAnswer(LicenseAnswerReader.NoAnswer(e));
        }
    }
}
