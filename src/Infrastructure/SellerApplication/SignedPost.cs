using System.Globalization;
using System.Text;
using StandardWebhooks;

namespace Provisioning.Infrastructure.SellerApplication;

/// <summary>
/// One POST to the seller's application, signed the Standard Webhooks way: <c>webhook-id</c>, <c>webhook-timestamp</c> and
/// <c>webhook-signature</c> over exactly the body sent.
/// </summary>
internal static class SignedPost
{
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, StandardWebhook signer, Uri url, string messageId, DateTimeOffset timestamp, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", signer.Sign(messageId, timestamp, body));
        return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }
}
