using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Provisioning.Testing;

/// <summary>The seller's application reporting usage to <c>POST /api/usage</c> with the usage key.</summary>
public sealed class UsageClient(HttpClient http, string key = GatewayFactory.SellerUsageKey)
{
    public static object Event(string eventId, string instanceId, decimal quantity, DateTimeOffset occurredAt, string? package = null) =>
        new { eventId, instanceId, quantity, occurredAt = occurredAt.ToString("O"), package };

    /// <summary>Sends the events and answers the per-event statuses (accepted, duplicate, rejected) and reasons, in order.</summary>
    public async Task<IReadOnlyList<(string Status, string? Reason)>> Report(params object[] events)
    {
        using var response = await Send(new { events });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. json.GetProperty("results").EnumerateArray().Select(r =>
            (r.GetProperty("status").GetString()!, r.TryGetProperty("reason", out var reason) ? reason.GetString() : null))];
    }

    public async Task<HttpResponseMessage> Send(object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/usage") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        return await http.SendAsync(request);
    }
}
