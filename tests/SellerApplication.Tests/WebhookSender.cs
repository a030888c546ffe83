using System.Globalization;
using System.Text;
using System.Text.Json;
using StandardWebhooks;

namespace Provisioning.SellerApplication.Tests;

/// <summary>Sends signed POSTs to the fake the way the backend does, with a secret, timestamp or body of the test's choosing.</summary>
internal sealed class WebhookSender(HttpClient http, string secret)
{
    public static string Event(string type, string instanceId, long? version = null, bool test = false, string? extra = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = type,
            ["timestamp"] = "2026-12-01T10:00:00Z",
            ["data"] = new Dictionary<string, object?> { ["instanceId"] = instanceId, ["test"] = test, ["version"] = version, ["note"] = extra },
        });

    public Task<HttpResponseMessage> Post(string path, string id, string body, DateTimeOffset? timestamp = null, string? signedBody = null, string? signingSecret = null)
    {
        var at = timestamp ?? DateTimeOffset.UtcNow;
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new StandardWebhook(signingSecret ?? secret).Sign(id, at, signedBody ?? body));
        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> Deliver(string id, string body) => Post(FakeSellerApplication.EventsPath, id, body);

    public Task<HttpResponseMessage> Provision(string id, string instanceId) =>
        Post(FakeSellerApplication.ProvisioningPath, id, Event("instance.provision", instanceId));
}
