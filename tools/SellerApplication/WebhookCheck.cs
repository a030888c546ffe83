using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Provisioning.SellerApplication;

/// <summary>
/// Checks one POST the Standard Webhooks way before anything is taken: the three headers are there, the timestamp is within five
/// minutes of the clock, and <see cref="StandardWebhook.Verify"/> accepts the signature over the body received.
/// </summary>
internal sealed class WebhookCheck(string signingSecret)
{
    private const string IdHeader = "webhook-id";
    private const string TimestampHeader = "webhook-timestamp";
    private const string SignatureHeader = "webhook-signature";

    // The tolerance of the Standard Webhooks convention, which Verify applies too; checked first to count staleness apart.
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly StandardWebhook _verifier = new(signingSecret);

    /// <summary>The delivery read from <paramref name="request"/>, or why it is refused.</summary>
    public async Task<(Delivery? Delivery, Refusal? Refusal)> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var body = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);

        var headers = request.Headers;
        var (id, timestamp, signature) = (headers[IdHeader].ToString(), headers[TimestampHeader].ToString(), headers[SignatureHeader].ToString());
        if (id.Length == 0 || timestamp.Length == 0 || signature.Length == 0) return (null, Refusal.MissingHeaders);
        if (!Fresh(timestamp)) return (null, Refusal.Stale);

        try
        {
            _verifier.Verify(body, headers);
        }
        catch (WebhookVerificationException)
        {
            return (null, Refusal.BadSignature);
        }

        return Delivery.Read(id, body) is { } delivery ? (delivery, null) : (null, Refusal.Malformed);
    }

    private bool Fresh(string timestamp) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
        && (DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= Tolerance;
}
